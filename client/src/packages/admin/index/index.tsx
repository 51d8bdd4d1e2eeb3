import { StaffPage } from '../../../components/StaffPage'

export default function AdminHomePage() {
  return <StaffPage className='page-admin' title='管理后台' role='admin' comingSoon='发布活动、管理会员和福利发放的功能即将上线' />
}
