import { useEffect, useRef, useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, Textarea, View } from '@tarojs/components'
import type { AidCategoryView, ColleagueView, HardshipRequestDetail } from '@shared/contract'
import { COLLEAGUE_KEYWORD_MAX, NOTE_MAX } from '@shared/contract/hardship.fields'
import { MAX_REQUEST_PHOTOS } from '@shared/domain/hardship'
import { invalidate, useQuery, useSession } from '../../data'
import { ActionError, callAction, uploadFile } from '../../services/cloud'
import { askToSubscribe, prepareSubscribe } from '../../services/subscribe'
import { PageHeader } from '../../components/PageHeader'
import { LoadingState } from '../../components/LoadingState'
import { ErrorState } from '../../components/ErrorState'
import { PhotoGrid } from '../../components/photos/PhotoGrid'
import { uploadMissing, withFileId, type Photo } from '../../components/photos/photo-model'
import { Button } from '../../ui/nutui'
import { useColleagueSearch } from '../../hooks/useColleagueSearch'
import { ROUTES } from '../../constants/routes'
import { idParam } from '../../constants/groups'
import { AID_KIND_LABELS, newFormKey, withRequestId } from '../../constants/hardship'
import { askFromRequest, checkAsk, CONTACT_MAX, DESCRIPTION_MAX, emptyAsk, photosOf, REQUEST_PHOTOS, type AskErrors, type AskForm } from './form'
import './apply.scss'

type Stage = { kind: 'edit' } | { kind: 'uploading'; done: number; total: number } | { kind: 'saving' }
const REPORTER_ROLES = ['leader', 'admin', 'reviewer']

/**
 * 申请帮扶 / 慰问: pick a category (its standard shown), say what happened, optionally the sum, add
 * photos of documents and a way to be reached. With `?id=` it edits a request returned for more
 * information and sends it back.
 */
export default function HardshipApplyPage() {
  const returnedId = idParam(useRouter().params.id)
  const policy = useQuery('hardship.policy', {}, { silent: true })
  const me = useSession()
  // WeChat's dialog needs the template ids at hand when 提交 is tapped.
  useEffect(prepareSubscribe, [])
  // The request sent back for more, as its detail page showed it (asked again when this page opens).
  const request = useQuery('hardship.get', { id: returnedId }, { silent: true, enabled: Boolean(returnedId) })
  const returned = (returnedId && request.data) || null
  const loadError = returnedId ? request.error : undefined
  const [filledFrom, setFilledFrom] = useState<HardshipRequestDetail>()
  const [form, setForm] = useState<AskForm>(emptyAsk)
  const [errors, setErrors] = useState<AskErrors>({})
  const [photos, setPhotos] = useState<Photo[]>([])
  const [note, setNote] = useState('')
  const [stage, setStage] = useState<Stage>({ kind: 'edit' })
  const [failure, setFailure] = useState<string>()
  // One key per form: sending again after a lost answer finds the request already made.
  const key = useRef(newFormKey())
  const working = stage.kind !== 'edit'

  // The form starts from the request as it was sent, once: a later answer does not overwrite the typing.
  useEffect(() => {
    if (!returned || filledFrom) return
    setFilledFrom(returned)
    setForm(askFromRequest(returned))
    setPhotos(photosOf(returned))
  }, [returned, filledFrom])

  const canReport = !returnedId && (me.data?.roles ?? []).some((r) => REPORTER_ROLES.includes(r))
  const categories = (policy.data?.categories ?? []).filter((c) => c.enabled || c.key === form.category)
  const chosen = categories.find((c) => c.key === form.category)

  const edit = <K extends keyof AskForm>(k: K, value: AskForm[K]) => {
    setForm((f) => ({ ...f, [k]: value }))
    setErrors((e) => ({ ...e, [k === 'forColleague' ? 'colleague' : k]: undefined }))
    setFailure(undefined)
  }

  const submit = async () => {
    if (working || !policy.data) return
    const checked = checkAsk(form, policy.data.categories)
    if ('errors' in checked) return setErrors(checked.errors)
    // 办理进度, asked in the tap itself; the photos upload meanwhile, and only leaving the page waits for the answer.
    const asked = askToSubscribe('hardship')
    setFailure(undefined)
    // Upload what is not up yet; a failure stops here and 提交 again resumes from that photo.
    let saved: HardshipRequestDetail
    try {
      const photoFileIds = await uploadMissing(photos, (photo) => uploadFile(photo, { silent: true }), {
        uploading: (done, total) => setStage({ kind: 'uploading', done, total }),
        uploaded: (key, fileId) => setPhotos((all) => withFileId(all, key, fileId)),
      })
      setStage({ kind: 'saving' })
      const { fields } = checked
      saved = returned
        ? await callAction(
            'hardship.resubmit',
            { id: returned.id, description: fields.description, amountFen: fields.amountFen, contact: fields.contact, photoFileIds, note: note.trim() },
            { silent: true },
          )
        : await callAction('hardship.submit', { key: key.current, ...fields, photoFileIds }, { silent: true })
    } catch (err) {
      const error = err instanceof ActionError ? err : new ActionError('INTERNAL', String(err))
      const field = error.details?.field
      if (field === 'amountFen') setErrors({ amount: error.message })
      else if (field === 'photoFileIds') setErrors({ photos: error.message })
      else if (field === 'description' || field === 'contact' || field === 'category') setErrors({ [field]: error.message })
      else if (field === 'forMemberId') setErrors({ colleague: error.message })
      else setFailure(error.message)
      setStage({ kind: 'edit' })
      return
    }
    invalidate('hardship')
    await asked
    void Taro.showToast({ title: returned ? '已重新提交' : '已提交', icon: 'success' })
    await Taro.redirectTo({ url: withRequestId(ROUTES.hardshipDetail, saved.id) })
  }

  const title = returnedId ? '补充材料' : '申请帮扶 / 慰问'
  if (policy.loading || me.loading || (returnedId && !filledFrom && !loadError)) {
    return (
      <View className="page page-hardship-apply">
        <PageHeader title={title} />
        <LoadingState rows={4} />
      </View>
    )
  }
  const failed = policy.error ?? me.error ?? loadError
  if (failed || !policy.data) {
    return (
      <View className="page page-hardship-apply">
        <PageHeader title={title} />
        {failed ? <ErrorState error={failed} onRetry={() => void policy.reload()} art="benefits" /> : null}
      </View>
    )
  }

  return (
    <View className="page page-hardship-apply">
      <PageHeader
        title={title}
        subtitle={returned ? `「${returned.categoryName}」· 审核人请您补充材料后重新提交` : '一次申报，随时在「我的帮扶申请」查看进展'}
      />

      {returned ? (
        <View className="apply-card apply-returned">
          <View className="apply-returned__label">需要补充的内容</View>
          <View className="apply-returned__reason">{[...returned.steps].reverse().find((s) => s.kind === 'return')?.note ?? ''}</View>
        </View>
      ) : null}

      {canReport ? (
        <View className="apply-card">
          <View className="apply-label">为谁申请</View>
          <View className="apply-options">
            <View className={`apply-option apply-for-self${form.forColleague ? '' : ' apply-option--on'}`} onClick={() => edit('forColleague', false)}>
              本人
            </View>
            <View className={`apply-option apply-for-colleague${form.forColleague ? ' apply-option--on' : ''}`} onClick={() => edit('forColleague', true)}>
              为同事申报
            </View>
          </View>
          {form.forColleague ? <ColleaguePicker value={form.colleague} onChange={(c) => edit('colleague', c)} /> : null}
          {errors.colleague ? <View className="apply-error">{errors.colleague}</View> : null}
          {form.forColleague ? <View className="apply-hint">同事本人也能看到这条申请和每一步进展。</View> : null}
        </View>
      ) : null}

      <View className="apply-card">
        <View className="apply-label">
          申请类别<Text className="apply-required">*</Text>
        </View>
        {returned ? (
          <View className="apply-fixed-category">{returned.categoryName}</View>
        ) : (
          <View className="apply-categories">
            {categories.map((c) => (
              <CategoryOption key={c.key} category={c} on={form.category === c.key} onPick={() => edit('category', c.key)} />
            ))}
          </View>
        )}
        {errors.category ? <View className="apply-error">{errors.category}</View> : null}
      </View>

      <View className="apply-card">
        <ApplyField label="情况说明" required error={errors.description}>
          <Textarea
            className="apply-textarea apply-description"
            value={form.description}
            maxlength={DESCRIPTION_MAX}
            placeholder="发生了什么、什么时候，例如：11 月 16 日因阑尾炎在市人民医院住院手术"
            disabled={working}
            onInput={(e) => edit('description', e.detail.value)}
          />
          <View className="apply-count">
            {form.description.length} / {DESCRIPTION_MAX}
          </View>
        </ApplyField>
        <ApplyField label="申请金额（元）" error={errors.amount}>
          <Input
            className="apply-input apply-amount"
            type="digit"
            value={form.amount}
            maxlength={12}
            placeholder={chosen?.capFen ? `不超过 ${chosen.capText.replace('每次不超过 ', '')}，不填按标准核定` : '不填按标准核定'}
            disabled={working}
            onInput={(e) => edit('amount', e.detail.value)}
          />
        </ApplyField>
        <ApplyField label={`证明材料照片（${photos.length} / ${MAX_REQUEST_PHOTOS}）`} error={errors.photos}>
          <View className="apply-hint">如诊断证明、出院小结、结婚证等；只在审核时查看，每张不超过 5 MB。</View>
          <PhotoGrid
            prefix="apply"
            photos={photos}
            onChange={setPhotos}
            rules={REQUEST_PHOTOS}
            addLabel="添加照片"
            disabled={working}
            onPicked={(refused) => setErrors((e) => ({ ...e, photos: refused ?? undefined }))}
          />
        </ApplyField>
        <ApplyField label="联系方式" required error={errors.contact}>
          <Input
            className="apply-input apply-contact"
            value={form.contact}
            maxlength={CONTACT_MAX}
            placeholder="如：本人手机，工作日下午方便"
            disabled={working}
            onInput={(e) => edit('contact', e.detail.value)}
          />
        </ApplyField>
        {returned ? (
          <ApplyField label="补充说明">
            <Input
              className="apply-input apply-note"
              value={note}
              maxlength={NOTE_MAX}
              placeholder="如：已补充出院小结"
              disabled={working}
              onInput={(e) => setNote(e.detail.value)}
            />
          </ApplyField>
        ) : null}
      </View>

      {failure ? <View className="apply-failure">{failure}</View> : null}
      <View className="apply-submit">
        <Button className="apply-save" type="primary" block loading={working} onClick={() => void submit()}>
          {stage.kind === 'uploading'
            ? `正在上传照片 ${stage.done + 1} / ${stage.total}…`
            : stage.kind === 'saving'
              ? '正在提交…'
              : returned
                ? '重新提交'
                : '提交申请'}
        </Button>
        <View className="apply-submit__note">申请内容和照片只有您本人、代为申报的同事和工会帮扶审核人能看到。</View>
      </View>
    </View>
  )
}

/** One field: its label (必填 marked, the others 选填), the control, and what is wrong with it. */
function ApplyField({ label, required = false, error, children }: { label: string; required?: boolean; error?: string; children: ReactNode }) {
  return (
    <View className="apply-field">
      <View className="apply-label">
        {label}
        {required ? <Text className="apply-required">*</Text> : <Text className="apply-optional">选填</Text>}
      </View>
      {children}
      {error ? <View className="apply-error">{error}</View> : null}
    </View>
  )
}

function CategoryOption({ category: c, on, onPick }: { category: AidCategoryView; on: boolean; onPick: () => void }) {
  return (
    <View className={`apply-category${on ? ' apply-category--on' : ''}`} data-category={c.key} onClick={onPick}>
      <View className="apply-category__top">
        <View className="apply-category__name">{c.name}</View>
        <View className={`apply-category__kind apply-category__kind--${c.kind}`}>{AID_KIND_LABELS[c.kind]}</View>
      </View>
      <View className="apply-category__cap">{c.capText}</View>
      <View className="apply-category__often">{c.frequencyText}</View>
    </View>
  )
}

/** Finds a colleague by name or 会员编号 among those the caller may report for. */
function ColleaguePicker({ value, onChange }: { value: ColleagueView | null; onChange: (c: ColleagueView | null) => void }) {
  const { keyword, setKeyword, found, search, searching } = useColleagueSearch()

  if (value) {
    return (
      <View className="apply-colleague apply-colleague--chosen">
        <View className="apply-colleague__name">
          {value.name} · {value.department}
        </View>
        <View className="apply-colleague__change" onClick={() => onChange(null)}>
          更换
        </View>
      </View>
    )
  }
  return (
    <View className="apply-colleague">
      <View className="apply-colleague__search">
        <Input
          className="apply-input apply-colleague-input"
          value={keyword}
          maxlength={COLLEAGUE_KEYWORD_MAX}
          placeholder="输入姓名或会员编号"
          confirmType="search"
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => void search()}
        />
        <Button className="apply-colleague-search" size="small" loading={searching} onClick={() => void search()}>
          查找
        </Button>
      </View>
      {found === null ? null : found.length === 0 ? (
        <View className="apply-hint">没有找到；只能为您带领的部门或小组的同事申报。</View>
      ) : (
        found.map((c) => (
          <View key={c.id} className="apply-colleague__row" onClick={() => onChange(c)}>
            {c.name} · {c.department}
          </View>
        ))
      )}
    </View>
  )
}
