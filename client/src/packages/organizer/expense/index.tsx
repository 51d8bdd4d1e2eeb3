import { useRef, useState } from 'react'
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import type { ExpenseView } from '@shared/contract'
import { FUNDS_TEXT_MAX } from '@shared/contract/funds.fields'
import { formatMoney } from '@shared/domain/money'
import { usePagedQuery, useQuery } from '../../../data'
import { ActionError, callAction, uploadFile } from '../../../services/cloud'
import { newFormKey } from '../../../services/form-key'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { PagedList } from '../../../components/PagedList'
import { PhotoGrid } from '../../../components/photos/PhotoGrid'
import { uploadMissing, withFileId, type Photo } from '../../../components/photos/photo-model'
import { Button } from '../../../ui/nutui'
import { idParam } from '../../../constants/routes'
import { EXPENSE_STATUS_LABELS, timeText, yuanText } from '../../../constants/funds'
import { INVOICE_PHOTOS, itemsOf, liveTotal, MAX_INVOICES, MAX_ITEMS, newItem, rowOfField, subtotalOf, type ItemDraft, type ItemErrors } from './form'
import '../shared/organizer.scss'
import './index.scss'

type Stage = { kind: 'edit' } | { kind: 'uploading'; done: number; total: number } | { kind: 'saving' }

/**
 * 报销费用 (the event's organizer): what the event cost, item by item in 元 with a live total, and
 * the invoice photos; an admin approves it. Below, the claims sent so far with their status.
 */
export default function ExpensePage() {
  const id = idParam(useRouter().params.id)
  const activity = useQuery('activity.get', { id }, { silent: true })
  const claims = usePagedQuery('funds.expenses', { mine: true })
  usePullDownRefresh(() => void activity.reload())

  const a = activity.data
  return (
    <View className="page page-organizer-expense">
      <PageHeader title="报销费用" subtitle={a ? a.title : undefined} />
      {!id ? (
        <ErrorState error={new ActionError('NOT_FOUND', '没有找到这个活动')} art="activities" />
      ) : activity.loading && !a ? (
        <LoadingState rows={3} />
      ) : activity.error ? (
        <ErrorState error={activity.error} onRetry={() => void activity.reload()} art="activities" />
      ) : a && !a.canManage ? (
        <ErrorState error={new ActionError('FORBIDDEN', '只有活动的组织者可以报销活动费用')} art="activities" />
      ) : a ? (
        <ClaimForm activityId={a.id} onSent={() => void claims.reload()} />
      ) : null}

      <View className="expense-claims-title">我提交的报销</View>
      <PagedList
        list={claims}
        name="expense-claims"
        footerClass="org-footer"
        endText={(total) => `共 ${total} 笔`}
        art="activities"
        loadingRows={2}
        empty={{ title: '还没有报销记录', description: '提交后，审批结果和退回原因会显示在这里' }}
        renderItem={(c) => <ClaimRow claim={c} />}
      />
    </View>
  )
}

function ClaimForm({ activityId, onSent }: { activityId: string; onSent: () => void }) {
  const [items, setItems] = useState<ItemDraft[]>(() => [newItem()])
  // One key per claim: 提交 again after a lost answer finds the claim already made.
  const formKey = useRef(newFormKey())
  const [errors, setErrors] = useState<ItemErrors>({})
  const [photos, setPhotos] = useState<Photo[]>([])
  const [photoError, setPhotoError] = useState('')
  const [general, setGeneral] = useState('')
  const [stage, setStage] = useState<Stage>({ kind: 'edit' })
  const working = stage.kind !== 'edit'

  const edit = (key: string, patch: Partial<ItemDraft>) => {
    setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)))
    setErrors((e) => ({ ...e, [key]: '', _: '' }))
    setGeneral('')
  }
  const itemText = (item: ItemDraft, k: 'name' | 'quantity' | 'unitPrice') => ({
    value: item[k],
    disabled: working,
    onInput: (e: { detail: { value: string } }) => edit(item.key, { [k]: e.detail.value }),
  })

  const submit = async () => {
    if (working) return
    const checked = itemsOf(items)
    const noPhoto = photos.length === 0
    if ('errors' in checked || noPhoto) {
      if ('errors' in checked) setErrors(checked.errors)
      if (noPhoto) setPhotoError('请上传发票照片（至少 1 张）')
      return
    }
    setGeneral('')
    // Upload what is not up yet; a failure stops here, and 提交 again resumes from that photo.
    try {
      const invoiceFileIds = await uploadMissing(photos, (photo) => uploadFile(photo, { silent: true }), {
        uploading: (done, total) => setStage({ kind: 'uploading', done, total }),
        uploaded: (key, fileId) => setPhotos((all) => withFileId(all, key, fileId)),
      })
      setStage({ kind: 'saving' })
      await callAction('funds.recordExpense', { key: formKey.current, activityId, items: checked.items, invoiceFileIds }, { silent: true })
    } catch (err) {
      const error = err instanceof ActionError ? err : new ActionError('INTERNAL', String(err))
      const row = rowOfField(error.details?.field, items)
      if (row) setErrors((e) => ({ ...e, [row]: error.message }))
      else if (error.details?.field === 'invoiceFileIds') setPhotoError(error.message)
      else setGeneral(error.message)
      setStage({ kind: 'edit' })
      return
    }
    setStage({ kind: 'edit' })
    // The form is emptied for the next claim, which is a new one: a new key.
    formKey.current = newFormKey()
    setItems([newItem()])
    setPhotos([])
    setErrors({})
    void Taro.showToast({ title: '已提交，等待管理员审批', icon: 'none' })
    onSent()
  }

  return (
    <>
      <View className="org-card expense-form">
        <View className="org-card__title">费用明细</View>
        <View className="org-card__note">逐项填写名称、数量和单价（元），合计自动计算。</View>
        {items.map((item, n) => {
          const subtotal = subtotalOf(item)
          return (
            <View key={item.key} className="expense-item-form" data-item-key={item.key}>
              <View className="expense-item-form__head">
                <Text>第 {n + 1} 项</Text>
                {items.length > 1 && !working ? (
                  <Text className="expense-item-form__remove expense-item-remove" onClick={() => setItems((all) => all.filter((i) => i.key !== item.key))}>
                    删除
                  </Text>
                ) : null}
              </View>
              <Input
                className="org-field__input expense-item-name"
                maxlength={FUNDS_TEXT_MAX.itemName}
                placeholder="名称，如：矿泉水"
                {...itemText(item, 'name')}
              />
              <View className="expense-item-form__row">
                <Input className="org-field__input expense-item-quantity" type="number" maxlength={6} placeholder="数量" {...itemText(item, 'quantity')} />
                <Input className="org-field__input expense-item-price" type="digit" maxlength={12} placeholder="单价（元）" {...itemText(item, 'unitPrice')} />
              </View>
              <View className="expense-item-form__subtotal">小计 {subtotal === null ? '—' : `${formatMoney(subtotal)} 元`}</View>
              {errors[item.key] ? <View className="org-field__error expense-item-error">{errors[item.key]}</View> : null}
            </View>
          )
        })}
        {errors._ ? <View className="org-field__error">{errors._}</View> : null}
        {items.length < MAX_ITEMS && !working ? (
          <View className="expense-item-add" onClick={() => setItems((all) => [...all, newItem()])}>
            ＋ 添加一项
          </View>
        ) : null}
        <View className="expense-total">
          合计 <Text className="expense-total__value">{formatMoney(liveTotal(items))}</Text> 元
        </View>
      </View>

      <View className="org-card expense-photos-card">
        <View className="org-card__title">
          发票照片（{photos.length} / {MAX_INVOICES}）
        </View>
        <View className="org-card__note">拍清楚发票抬头、金额和印章；照片只给工会管理员和经费审查委员会看。</View>
        <PhotoGrid
          prefix="expense"
          photos={photos}
          onChange={setPhotos}
          rules={INVOICE_PHOTOS}
          addLabel="添加发票"
          disabled={working}
          onPicked={(refused) => {
            setPhotoError('')
            if (refused) void Taro.showToast({ title: refused, icon: 'none' })
          }}
        />
        {photoError ? <View className="org-field__error expense-photo-error">{photoError}</View> : null}
      </View>

      {general ? <View className="org-field__error expense-error">{general}</View> : null}
      <View className="expense-submit">
        <Button className="expense-send" type="primary" block loading={working} onClick={() => void submit()}>
          {stage.kind === 'uploading' ? `正在上传发票 ${stage.done + 1} / ${stage.total}…` : stage.kind === 'saving' ? '正在提交…' : '提交报销'}
        </Button>
        <View className="org-muted expense-submit__note">提交后由工会管理员审批（不能由本人审批），通过后从「文体活动」预算中支出。</View>
      </View>
    </>
  )
}

function ClaimRow({ claim: c }: { claim: ExpenseView }) {
  return (
    <View className={`org-card expense-claim expense-claim--${c.status}`} data-expense-id={c.id}>
      <View className="expense-claim__top">
        <Text className="expense-claim__title">{c.activityTitle}</Text>
        <Text className="expense-claim__amount">{yuanText(c.amount)}</Text>
      </View>
      <View className="expense-claim__items">{c.items.map((i) => `${i.name} × ${i.quantity}`).join('、')}</View>
      <View className="expense-claim__meta">
        {timeText(c.requestedAt)} 提交 · <Text className={`expense-claim__status expense-claim__status--${c.status}`}>{EXPENSE_STATUS_LABELS[c.status]}</Text>
      </View>
      {c.status === 'rejected' ? <View className="expense-claim__reason">退回原因：{c.reason || '未写明'}</View> : null}
      {c.status === 'approved' ? (
        <View className="expense-claim__decided">
          {c.decidedBy ?? '管理员'} 于 {c.decidedAt ? timeText(c.decidedAt) : '—'} 审批通过
        </View>
      ) : null}
    </View>
  )
}
