import { useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ActivityDetail, AttendeeRow } from '@shared/contract'
import { useMutation, usePagedQuery, useQuery } from '../../../data'
import { ActionError, callAction } from '../../../services/cloud'
import { openSpreadsheet } from '../../../services/documents'
import { PageHeader } from '../../../components/PageHeader'
import { ErrorState } from '../../../components/ErrorState'
import { PagedList } from '../../../components/PagedList'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { idParam, answersText, dateTimeText, withId } from '../../../constants/activities'
import { exportColumnsOf, type ExportColumn } from './columns'
import '../shared/organizer.scss'
import './index.scss'

/**
 * 报名名单: totals, then the confirmed (in sign-up order), the waitlist (in line order) and, before
 * a lottery's draw, those in the lottery (参加抽签, in sign-up order), with answers and check-in.
 */
export default function AttendeesPage() {
  const { params } = useRouter()
  const id = idParam(params.id)
  // Check-ins on the 签到 page, sign-ups and cancellations (the activity scope): both fresh when coming back.
  const detail = useQuery('activity.get', { id }, { silent: true })
  // The totals (已签到 / 已报名 / 排队, or 参加抽签) come with every page of the list: one call, not a second one for them.
  const list = usePagedQuery('activity.attendees', { id })
  usePullDownRefresh(() => void detail.reload())

  if (!id) {
    return (
      <View className="page page-organizer-attendees">
        <ErrorState error={new ActionError('NOT_FOUND', '没有找到这个活动')} art="activities" />
      </View>
    )
  }

  const a = detail.data
  const t = list.latest
  const lottery = a?.allocation === 'lottery'
  const undrawn = lottery && !a?.drawnAt
  return (
    <View className="page page-organizer-attendees">
      <PageHeader title="报名名单" subtitle={a ? `${a.title} · ${dateTimeText(a.startAt)}` : undefined} />
      {list.error ? null : undrawn ? (
        <View className="attendees-totals attendees-totals--lottery">
          <Total className="attendees-total--entered" label="参加抽签" value={t?.entered} />
          <Total className="attendees-total--places" label="名额" value={a?.capacity ?? undefined} />
          <View className="attendees-totals__note">{a?.drawAt ? `${dateTimeText(a.drawAt)} 抽签` : '报名截止后抽签'}，抽签后分为中签和候补</View>
        </View>
      ) : (
        <View className="attendees-totals">
          <Total className="attendees-total--checked" label="已签到" value={t?.checkedIn} />
          <Total className="attendees-total--confirmed" label="已报名" value={t?.confirmed} suffix={a?.capacity ? ` / ${a.capacity}` : ''} />
          <Total className="attendees-total--waiting" label={lottery ? '候补' : '排队'} value={t?.waiting} />
        </View>
      )}
      {list.error || !a ? null : <ExportPanel activity={a} disabled={!list.total} />}
      {list.error ? null : (
        <View className="attendees-checkin" onClick={() => void Taro.navigateTo({ url: withId(ROUTES.organizerCheckin, id) })}>
          去现场签到 ›
        </View>
      )}
      {list.error ? null : (
        <View className="attendees-expense" onClick={() => void Taro.navigateTo({ url: withId(ROUTES.organizerExpense, id) })}>
          报销活动费用 ›
        </View>
      )}

      <PagedList
        list={list}
        name="attendees"
        footerClass="org-footer"
        unit="人"
        endText={(total) => `共 ${total} 人`}
        art="activities"
        loadingRows={4}
        empty={
          undrawn
            ? { title: '还没有人报名抽签', description: '把活动转发到同事群里，让大家来报名参加抽签吧', className: 'attendees-empty attendees-empty--lottery' }
            : { title: '还没有人报名', description: '把活动转发到同事群里，让大家来报名吧' }
        }
        itemKey={(r) => r.memberId}
        renderItem={(r) => <AttendeeRowView row={r} answers={a ? answersText(a.fields, r.answers) : ''} lottery={lottery} />}
      />
    </View>
  )
}

function Total({ label, value, suffix = '', className }: { label: string; value: number | undefined; suffix?: string; className: string }) {
  return (
    <View className={`attendees-total ${className}`}>
      <View className="attendees-total__value">
        {value ?? '–'}
        {value === undefined ? '' : suffix}
      </View>
      <View className="attendees-total__label">{label}</View>
    </View>
  )
}

function AttendeeRowView({ row: r, answers, lottery }: { row: AttendeeRow; answers: string; lottery: boolean }) {
  return (
    <View className={`attendee-row attendee-row--${r.status}`} data-member-id={r.memberId}>
      <View className="attendee-row__main">
        <Text className="attendee-row__name">{r.name}</Text>
        <Text className="attendee-row__department">{r.department}</Text>
        {r.status === 'waiting' ? (
          <Text className="attendee-row__tag attendee-row__tag--waiting">
            {lottery ? '候补' : '排队'}第 {r.waitingPosition ?? '-'} 位
          </Text>
        ) : r.status === 'entered' ? (
          <Text className="attendee-row__tag attendee-row__tag--entered">参加抽签</Text>
        ) : r.checkedInAt ? (
          <Text className="attendee-row__tag attendee-row__tag--checked">已签到 {r.checkedInAt.slice(-5)}</Text>
        ) : (
          <Text className="attendee-row__tag">未签到</Text>
        )}
      </View>
      {answers ? <View className="attendee-row__answers">{answers}</View> : null}
    </View>
  )
}

/**
 * 导出名单: the columns to include (all, to begin with), then the spreadsheet opens — in the
 * mini-program downloaded through wx.cloud by its fileId (no download domain to allow-list), in h5
 * downloaded from the link.
 */
function ExportPanel({ activity, disabled }: { activity: ActivityDetail; disabled: boolean }) {
  const columns = exportColumnsOf(activity.fields)
  const [open, setOpen] = useState(false)
  const [chosen, setChosen] = useState<readonly string[]>(() => columns.map((c) => c.key))
  const m = useMutation<'export'>()
  const busy = m.busy === 'export'

  const toggle = (c: ExportColumn) =>
    setChosen((keys) => (keys.includes(c.key) ? keys.filter((k) => k !== c.key) : columns.map((x) => x.key).filter((k) => k === c.key || keys.includes(k))))

  const run = async () => {
    if (!chosen.length) {
      void Taro.showToast({ title: '请至少选择一列', icon: 'none' })
      return
    }
    await m.run('export', async () => {
      const { url, fileId, count } = await callAction('activity.export', { id: activity.id, columns: [...chosen] })
      if (!count) void Taro.showToast({ title: '还没有报名的会员可以导出', icon: 'none' })
      else await openSpreadsheet(url, fileId)
    })
  }

  return (
    <View className="attendees-export">
      <View className="attendees-export__head">
        <View className="attendees-export__text">导出报名名单（Excel 表格），含{exportWho(activity)}的会员</View>
        <Button className="attendees-export-open" type="primary" fill="outline" size="small" disabled={disabled} onClick={() => setOpen(!open)}>
          {open ? '收起' : '导出名单'}
        </Button>
      </View>
      {open ? (
        <>
          <View className="org-muted attendees-export__label">选择要导出的列</View>
          <View className="org-chips attendees-export__columns">
            {columns.map((c) => (
              <View key={c.key} className={`org-chip attendees-export-column${chosen.includes(c.key) ? ' org-chip--on' : ''}`} onClick={() => toggle(c)}>
                {c.label}
              </View>
            ))}
          </View>
          <Button className="attendees-export-submit" type="primary" block loading={busy} disabled={busy || disabled} onClick={() => void run()}>
            导出 {chosen.length} 列
          </Button>
        </>
      ) : null}
    </View>
  )
}

/** Who the spreadsheet lists: before a lottery's draw those in it, after it the winners and the waitlist. */
function exportWho(a: ActivityDetail): string {
  if (a.allocation !== 'lottery') return '已报名和排队'
  return a.drawnAt ? '中签和候补' : '参加抽签'
}
