import { StaffPage } from '../../../components/StaffPage'

export default function RedeemPage() {
  return <StaffPage className='page-redeem' title='核销' role='redeemer' comingSoon='扫描会员出示的福利券即可核销，功能即将上线' />
}
