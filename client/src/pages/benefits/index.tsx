import { MemberListPage } from '../../components/MemberListPage'

export default function BenefitsPage() {
  return (
    <MemberListPage
      className='page-benefits'
      title='福利'
      subtitle={(union) => `${union}为会员准备的节日慰问和生日福利`}
      emptyTitle='暂时没有可领取的福利'
      emptyDescription='节日慰问、生日福利发放后，会在这里提醒你领取'
      art='benefits'
    />
  )
}
