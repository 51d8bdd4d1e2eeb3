import { MemberListPage } from '../../components/MemberListPage'

export default function ActivitiesPage() {
  return (
    <MemberListPage
      className='page-activities'
      title='活动'
      subtitle={(union) => `${union}组织的文体活动、讲座和志愿服务`}
      emptyTitle='暂时还没有活动'
      emptyDescription='工会发布后会第一时间出现在这里'
      art='activities'
    />
  )
}
