import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, View } from '@tarojs/components'
import type { ColleagueView } from '@shared/contract'
import { COLLEAGUE_KEYWORD_MAX } from '@shared/contract/hardship.fields'
import { usePagedQuery } from '../../../data'
import { PageHeader } from '../../../components/PageHeader'
import { PagedList } from '../../../components/PagedList'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { useColleagueSearch } from '../../../hooks/useColleagueSearch'
import { REVIEWER_LIST } from '../shared/list'
import '../shared/reviewer.scss'
import './index.scss'

const fileUrl = (memberId: string) => `${ROUTES.reviewerFile}?memberId=${encodeURIComponent(memberId)}`

/** 困难职工档案: members on file, the next review first; 到期复核 shows those whose review day has come. */
export default function ReviewerFilesPage() {
  const [dueOnly, setDueOnly] = useState(useRouter().params.due === '1')
  // Fresh when shown after a file saved or a visit recorded (the hardship scope).
  const list = usePagedQuery('hardship.files', { dueOnly })
  const [adding, setAdding] = useState(false)
  const denied = list.error?.code === 'FORBIDDEN'

  return (
    <View className="page page-reviewer-files">
      <PageHeader title="困难职工档案" subtitle={list.loading || list.error ? undefined : `${dueOnly ? '到期复核' : '在档'} ${list.total} 人`} />
      {denied ? null : (
        <>
          <View className="files-bar">
            <View className={`reviewer-tab files-tab--all${dueOnly ? '' : ' reviewer-tab--on'}`} onClick={() => setDueOnly(false)}>
              全部在档
            </View>
            <View className={`reviewer-tab files-tab--due${dueOnly ? ' reviewer-tab--on' : ''}`} onClick={() => setDueOnly(true)}>
              到期复核
            </View>
            <View className="files-bar__add files-add" onClick={() => setAdding((a) => !a)}>
              ＋ 建档
            </View>
          </View>
          {adding ? <MemberSearch onPick={(m) => void Taro.navigateTo({ url: fileUrl(m.id) })} /> : null}
        </>
      )}
      <PagedList
        list={list}
        name="files"
        {...REVIEWER_LIST}
        endText={() => '档案只有帮扶审核人能看到'}
        empty={{
          title: dueOnly ? '没有到期需要复核的档案' : '还没有困难职工档案',
          description: dueOnly ? '到了复核日期的档案会出现在这里，审核人也会收到提醒' : '点「建档」查找会员，记录困难情况和复核日期',
        }}
        itemKey={(f) => f.memberId}
        renderItem={(f) => (
          <View className="reviewer-row file-row" data-member-id={f.memberId} onClick={() => void Taro.navigateTo({ url: fileUrl(f.memberId) })}>
            <View className="reviewer-row__top">
              <View className="reviewer-row__name">
                {f.name} · {f.department}
              </View>
              <View className="file-row__level">{f.level}</View>
            </View>
            <View className={`reviewer-row__meta${f.due ? ' reviewer-row__due' : ''}`}>
              {f.due ? '已到复核日期' : '下次复核'} {f.nextReviewOn} · 建档于 {f.since}
            </View>
            <View className="reviewer-row__meta">{f.lastVisitOn ? `最近走访 ${f.lastVisitOn}` : '还没有走访记录'}</View>
          </View>
        )}
      />
    </View>
  )
}

function MemberSearch({ onPick }: { onPick: (m: ColleagueView) => void }) {
  const { keyword, setKeyword, found, search, searching } = useColleagueSearch()
  return (
    <View className="reviewer-card files-search">
      <View className="files-search__bar">
        <Input
          className="reviewer-field__input files-search-input"
          value={keyword}
          maxlength={COLLEAGUE_KEYWORD_MAX}
          placeholder="输入会员姓名或会员编号"
          confirmType="search"
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button className="files-search-go" size="small" loading={searching} onClick={() => void search()}>
          查找
        </Button>
      </View>
      {found === null ? null : found.length === 0 ? (
        <View className="reviewer-field__hint">没有找到这位会员</View>
      ) : (
        found.map((m) => (
          <View key={m.id} className="files-search__row" onClick={() => onPick(m)}>
            {m.name} · {m.department}
            <View className="reviewer-arrow">›</View>
          </View>
        ))
      )}
    </View>
  )
}
