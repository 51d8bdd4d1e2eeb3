import { useEffect, useRef, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Textarea, View } from '@tarojs/components'
import type { HardshipFileDetail } from '@shared/contract'
import { FILE_REASON, VISIT_TEXT_MAX } from '@shared/contract/hardship.contract'
import { NOTE_MAX } from '@shared/contract/hardship.fields'
import { FILE_LEVELS } from '@shared/domain/hardship'
import { useMutation, useQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { RequestStatus } from '../../../components/RequestStatus'
import { DatePick, Field, textBinder } from '../../../components/FormField'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { idParam, todayText } from '../../../constants/groups'
import { amountLine, newFormKey, withRequestId, yuanText } from '../../../constants/hardship'
import { checkFile, checkVisit, newFileForm, newVisitForm, type FileForm, type VisitForm } from '../shared/forms'
import { Checkbox } from '../shared/nutui'
import '../shared/reviewer.scss'
import './index.scss'
import { calendarDayText } from '@shared/domain/time'

const formOf = (d: HardshipFileDetail, today: string): FileForm =>
  d.file ? { level: d.file.level, reason: d.file.reason, since: d.file.since, nextReviewOn: d.file.nextReviewOn, active: d.file.active } : newFileForm(today)

/** One member's 困难职工档案: level, reason and review dates; the 送温暖 visits; their requests. */
export default function ReviewerFilePage() {
  const memberId = idParam(useRouter().params.memberId)
  const loaded = useQuery('hardship.file', { memberId }, { silent: true })
  const [detail, setDetail] = useState<HardshipFileDetail>()
  const [form, setForm] = useState<FileForm>(() => newFileForm(todayText()))
  const [fileErrors, setFileErrors] = useState<Partial<Record<keyof FileForm, string>>>({})
  const [visit, setVisit] = useState<VisitForm>(() => newVisitForm(todayText()))
  const [visitErrors, setVisitErrors] = useState<Partial<Record<keyof VisitForm, string>>>({})
  const m = useMutation<'file' | 'visit'>()
  const visitKey = useRef(newFormKey())

  useEffect(() => {
    if (loaded.data) {
      setDetail(loaded.data)
      setForm(formOf(loaded.data, todayText()))
    }
  }, [loaded.data])

  const saveFile = async () => {
    const checked = checkFile(form)
    if ('errors' in checked) return setFileErrors(checked.errors)
    const next = await m.run('file', () => callAction('hardship.saveFile', { memberId, ...checked.input }), {
      success: '档案已保存',
      invalidates: ['hardship'],
    })
    if (!next) return
    setDetail(next)
    setForm(formOf(next, todayText()))
  }

  const addVisit = async () => {
    const checked = checkVisit(visit, todayText())
    if ('errors' in checked) return setVisitErrors(checked.errors)
    const next = await m.run('visit', () => callAction('hardship.addVisit', { memberId, key: visitKey.current, ...checked.input }), {
      success: '走访已记录',
      invalidates: ['hardship'],
    })
    // Refused: the key stays, so trying again records it once.
    if (!next) return
    setDetail(next)
    setVisit(newVisitForm(todayText()))
    visitKey.current = newFormKey()
  }

  const editFile = <K extends keyof FileForm>(k: K, value: FileForm[K]) => {
    setForm((f) => ({ ...f, [k]: value }))
    setFileErrors((e) => ({ ...e, [k]: undefined }))
  }
  const editVisit = <K extends keyof VisitForm>(k: K, value: VisitForm[K]) => {
    setVisit((v) => ({ ...v, [k]: value }))
    setVisitErrors((e) => ({ ...e, [k]: undefined }))
  }
  const fileText = textBinder(form, editFile<'reason'>)
  const visitText = textBinder(visit, editVisit<'visitors' | 'given' | 'amount' | 'note'>)

  const d = detail
  return (
    <View className="page page-reviewer-file">
      <PageHeader title="困难职工档案" subtitle={d ? `${d.member.name} · ${d.member.department}` : undefined} />
      {loaded.loading && !d ? (
        <LoadingState rows={4} />
      ) : loaded.error && !d ? (
        <ErrorState error={loaded.error} onRetry={() => void loaded.reload()} art="benefits" />
      ) : d ? (
        <>
          <View className="reviewer-card file-form">
            <View className="reviewer-card__title">{d.file ? '档案' : '新建档案'}</View>
            {d.file ? (
              <View className={`reviewer-card__note${d.file.due ? ' file-due' : ''}`}>
                {d.file.due
                  ? `已到复核日期（${calendarDayText(d.file.nextReviewOn, new Date())}），请走访核实后更新下次复核日期。`
                  : `最近由${d.file.updatedBy}于 ${d.file.updatedAt} 更新`}
              </View>
            ) : (
              <View className="reviewer-card__note">{d.member.name}还没有档案。填写后保存即建档。</View>
            )}
            <Field area="reviewer" label="困难程度">
              <View className="reviewer-chips">
                {FILE_LEVELS.map((l) => (
                  <View key={l} className={`reviewer-chip file-level${form.level === l ? ' reviewer-chip--on' : ''}`} onClick={() => editFile('level', l)}>
                    {l}
                  </View>
                ))}
              </View>
            </Field>
            <Field area="reviewer" label="困难原因" error={fileErrors.reason}>
              <Textarea
                className="reviewer-field__textarea file-reason"
                maxlength={FILE_REASON.max}
                placeholder="如：配偶重病长期治疗，子女在读"
                {...fileText('reason')}
              />
            </Field>
            <Field area="reviewer" label="建档日期" error={fileErrors.since}>
              <DatePick area="reviewer" className="file-since" value={form.since} end={todayText()} onChange={(v) => editFile('since', v)} />
            </Field>
            <Field area="reviewer" label="下次复核日期（到期提醒审核人）" error={fileErrors.nextReviewOn}>
              <DatePick area="reviewer" className="file-next-review" value={form.nextReviewOn} onChange={(v) => editFile('nextReviewOn', v)} />
            </Field>
            {d.file ? (
              <View className="reviewer-field">
                <Checkbox className="file-active" checked={form.active} label="仍在档（脱困后取消勾选）" onChange={(v) => editFile('active', v)} />
              </View>
            ) : null}
            <Button className="file-save" type="primary" block loading={m.busy === 'file'} onClick={() => void saveFile()}>
              {d.file ? '保存档案' : '建档'}
            </Button>
          </View>

          {d.file ? (
            <View className="reviewer-card file-visits">
              <View className="reviewer-card__title">送温暖走访</View>
              {d.visits.length === 0 ? <View className="reviewer-card__note file-visits-empty">还没有走访记录</View> : null}
              {d.visits.map((v) => (
                <View key={v.id} className="file-visit">
                  <View className="file-visit__top">
                    <View className="file-visit__date">{calendarDayText(v.date, new Date())}</View>
                    <View className="file-visit__who">{v.visitors}</View>
                  </View>
                  <View className="file-visit__given">
                    {v.given}
                    {v.amountFen !== null ? `（${yuanText(v.amountFen)}）` : ''}
                  </View>
                  {v.note ? <View className="file-visit__note">{v.note}</View> : null}
                </View>
              ))}
              <View className="file-visit-form">
                <Field area="reviewer" label="走访日期" error={visitErrors.date}>
                  <DatePick area="reviewer" className="visit-date" value={visit.date} end={todayText()} onChange={(v) => editVisit('date', v)} />
                </Field>
                <Field area="reviewer" label="走访人" error={visitErrors.visitors}>
                  <Input
                    className="reviewer-field__input visit-visitors"
                    maxlength={VISIT_TEXT_MAX.visitors}
                    placeholder="如：张伟、韩冰"
                    {...visitText('visitors')}
                  />
                </Field>
                <Field area="reviewer" label="送去的慰问金或慰问品" error={visitErrors.given}>
                  <Input
                    className="reviewer-field__input visit-given"
                    maxlength={VISIT_TEXT_MAX.given}
                    placeholder="如：慰问金 500 元，米、油各一份"
                    {...visitText('given')}
                  />
                </Field>
                <Field area="reviewer" label="折合金额（元，选填）" error={visitErrors.amount}>
                  <Input className="reviewer-field__input visit-amount" type="digit" maxlength={12} {...visitText('amount')} />
                </Field>
                <Field area="reviewer" label="情况记录（选填）" error={visitErrors.note}>
                  <Input className="reviewer-field__input visit-note" maxlength={NOTE_MAX} {...visitText('note')} />
                </Field>
                <Button className="visit-save" type="primary" fill="outline" block loading={m.busy === 'visit'} onClick={() => void addVisit()}>
                  记录走访
                </Button>
              </View>
            </View>
          ) : null}

          <View className="reviewer-card file-requests">
            <View className="reviewer-card__title">帮扶与慰问申请</View>
            {d.requests.length === 0 ? <View className="reviewer-card__note">还没有申请</View> : null}
            {d.requests.map((r) => (
              <View key={r.id} className="file-request" onClick={() => void Taro.navigateTo({ url: withRequestId(ROUTES.reviewerRequest, r.id) })}>
                <View className="file-request__top">
                  <View>
                    {r.categoryName} · {r.submittedAt.slice(0, 10)}
                  </View>
                  <RequestStatus status={r.status} />
                </View>
                <View className="file-request__amount">{amountLine(r)}</View>
              </View>
            ))}
          </View>
          <View className="reviewer-footer">档案只有帮扶审核人能看到，不出现在名册和导出中。</View>
        </>
      ) : null}
    </View>
  )
}
