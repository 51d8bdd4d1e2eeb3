import { MemberListPage } from '../../components/MemberListPage'

export default function GroupsPage() {
  return (
    <MemberListPage
      className='page-groups'
      title='兴趣小组'
      subtitle={(union) => `${union}的读书、运动、摄影等兴趣小组`}
      emptyTitle='还没有兴趣小组'
      emptyDescription='工会成立兴趣小组后，你可以在这里申请加入，和同事一起玩起来'
      art='groups'
    />
  )
}
