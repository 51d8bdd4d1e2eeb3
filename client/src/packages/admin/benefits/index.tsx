import { useState } from 'react'
import Taro from '@tarojs/taro'
import { Input, Picker, Switch, Text, View } from '@tarojs/components'
import type { CampaignView, PointView } from '@shared/contract'
import { BENEFIT_TEXT_MAX } from '@shared/contract/benefit.contract'
import { BENEFIT_KINDS } from '@shared/domain/benefits'
import { useMutation, usePagedQuery, useQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { ConfirmRow } from '../../../components/ConfirmRow'
import { PagedList } from '../../../components/PagedList'
import { Button } from '../../../ui/nutui'
import { ROUTES, withId } from '../../../constants/routes'
import { kindLabel, redeemWindowText, yuanText } from '../../../pages/benefits/view'
import { AdminGate, isDenied } from '../shared/AdminGate'
import { Field, InputField } from '../shared/Field'
import { Progress } from '../shared/nutui'
import {
  campaignInputOf,
  defaultCampaignForm,
  errorKeyOf,
  MAX_OPTIONS,
  newOption,
  TIME_KEYS,
  TIME_LABELS,
  type CampaignForm,
  type CampaignFormErrors,
  type OptionDraft,
  type TimeKey,
} from './form'
import '../shared/admin.scss'
import './chips.scss'
import './index.scss'
import { calendarDayText } from '@shared/domain/time'
import { COLORS } from '../../../styles/colors'

/** 福利发放 (admins): the campaigns with their progress, and the form for a new one. */
export default function AdminBenefitsPage() {
  const [creating, setCreating] = useState(false)
  return (
    <View className="page page-admin-benefits">
      <PageHeader title={creating ? '新建福利' : '福利发放'} subtitle={creating ? undefined : '生日蛋糕券、节日慰问品：发放、领取进度、导出与代领'} />
      <AdminGate>{() => (creating ? <CampaignFormView onDone={() => setCreating(false)} /> : <CampaignList onCreate={() => setCreating(true)} />)}</AdminGate>
    </View>
  )
}

const percent = (part: number, whole: number): number => (whole > 0 ? Math.min(100, Math.round((part / whole) * 100)) : 0)

function CampaignList({ onCreate }: { onCreate: () => void }) {
  // Back from a campaign (issued, redeemed for someone: a benefit.* change): fresh numbers.
  const list = usePagedQuery('benefit.campaigns', {})

  return (
    <>
      {isDenied(list.error) ? null : (
        <View className="admin-actions">
          <Button className="benefits-create" type="primary" size="small" onClick={onCreate}>
            新建福利
          </Button>
        </View>
      )}
      <PagedList
        list={list}
        name="benefits"
        footerClass="admin-footer"
        loadingRows={4}
        art="benefits"
        empty={{
          className: 'benefits-admin-empty',
          title: '还没有福利活动',
          description: '点上方「新建福利」，设置礼品、兑换时间和兑换点后即可发放给会员',
        }}
        renderItem={(c) => <CampaignCard campaign={c} />}
      />
    </>
  )
}

function CampaignCard({ campaign: c }: { campaign: CampaignView }) {
  const p = c.progress
  return (
    <View className="admin-card campaign-card" data-campaign-id={c.id} onClick={() => void Taro.navigateTo({ url: withId(ROUTES.adminCampaign, c.id) })}>
      <View className="campaign-card__top">
        <Text className={`campaign-card__kind campaign-card__kind--${c.kind}`}>{kindLabel(c.kind)}</Text>
        <Text className="campaign-card__value">{yuanText(c.faceValue)}</Text>
      </View>
      <View className="campaign-card__name">{c.name}</View>
      <View className="campaign-card__window">兑换 {redeemWindowText(c)}</View>
      <View className="campaign-card__numbers">
        已发放 <Text className="campaign-card__issued">{p.issued}</Text> / {p.eligible} 人 · 已选 {p.chosen} · 已领取{' '}
        <Text className="campaign-card__redeemed">{p.redeemed}</Text>
      </View>
      <Progress percent={percent(p.redeemed, p.issued)} color={COLORS.brand} strokeWidth="6" />
    </View>
  )
}

function CampaignFormView({ onDone }: { onDone: () => void }) {
  const [form, setForm] = useState<CampaignForm>(() => defaultCampaignForm())
  const [errors, setErrors] = useState<CampaignFormErrors>({})
  const m = useMutation()
  const departments = useQuery('member.departments', {}, { silent: true })
  const points = useQuery('benefit.points', {}, { silent: true })
  // Points added here show at once, before the list loads again.
  const [added, setAdded] = useState<readonly PointView[]>([])
  const pointList = [...(points.data ?? []), ...added.filter((a) => !(points.data ?? []).some((p) => p.id === a.id))]

  const patch = (p: Partial<CampaignForm>, ...clear: (keyof CampaignFormErrors)[]) => {
    setForm((f) => ({ ...f, ...p }))
    if (clear.length) setErrors((e) => ({ ...e, ...Object.fromEntries(clear.map((k) => [k, undefined])) }))
  }
  const editOption = (key: string, p: Partial<OptionDraft>) => {
    setForm((f) => ({ ...f, options: f.options.map((o) => (o.key === key ? { ...o, ...p } : o)) }))
    setErrors((e) => ({ ...e, options: undefined, option: { ...e.option, [key]: '' } }))
  }
  const editTime = (key: TimeKey, part: 'date' | 'time', value: string) => {
    setForm((f) => ({ ...f, times: { ...f.times, [key]: { ...f.times[key], [part]: value } } }))
    setErrors((e) => ({ ...e, claimClosesAt: undefined, redeemFrom: undefined, redeemUntil: undefined }))
  }
  const toggle = (list: readonly string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id])

  const submit = async () => {
    if (m.busy) return
    const checked = campaignInputOf(form)
    if ('errors' in checked) {
      setErrors(checked.errors)
      void Taro.showToast({ title: '还有内容需要修改', icon: 'none' })
      return
    }
    const created = await m.run('save', () => callAction('benefit.createCampaign', checked.input, { silent: true }), {
      invalidates: ['benefit'],
      onError: (error) => {
        const key = errorKeyOf(error.details?.field)
        // Said once: under the field it names, or else as a toast.
        if (key && key !== 'option') setErrors((e) => ({ ...e, [key]: error.message }))
        else void Taro.showToast({ title: error.message, icon: 'none', duration: 3000 })
      },
    })
    if (!created) return
    void Taro.showToast({ title: '已建立，可以发放了', icon: 'none' })
    onDone()
    void Taro.navigateTo({ url: withId(ROUTES.adminCampaign, created.id) })
  }

  return (
    <>
      <View className="admin-card campaign-form-basics">
        <View className="admin-card__title">基本信息</View>
        <Field label="福利类型" valueClass="benefit-chips campaign-kinds">
          {BENEFIT_KINDS.map((k) => (
            <View
              key={k}
              className={`benefit-chip campaign-kind campaign-kind--${k}${form.kind === k ? ' benefit-chip--on' : ''}`}
              onClick={() => patch({ kind: k, autoBirthday: k === 'cake' && form.autoBirthday }, 'faceValue')}
            >
              {kindLabel(k)}
            </View>
          ))}
        </Field>
        <InputField
          label="名称"
          error={errors.name}
          inputClass="campaign-name"
          value={form.name}
          maxlength={BENEFIT_TEXT_MAX.campaign}
          placeholder={form.kind === 'cake' ? '如：2026 年生日蛋糕券' : '如：2026 年中秋慰问品'}
          onInput={(value) => patch({ name: value }, 'name')}
        />
        <InputField
          label="面值（元）"
          error={errors.faceValue}
          errorClass="campaign-face-value-error"
          inputClass="campaign-face-value"
          type="digit"
          value={form.faceValue}
          maxlength={10}
          placeholder={form.kind === 'cake' ? '不超过 300 元' : '如：200'}
          onInput={(value) => patch({ faceValue: value }, 'faceValue')}
        />
        <Field label="含退休会员">
          <Switch
            className="campaign-retired"
            checked={form.includeRetired}
            color={COLORS.brand}
            onChange={(e) => patch({ includeRetired: Boolean(e.detail.value) })}
          />
        </Field>
        {form.kind === 'cake' ? (
          <Field label="生日当月自动发放">
            <Switch
              className="campaign-auto-birthday"
              checked={form.autoBirthday}
              color={COLORS.brand}
              onChange={(e) => patch({ autoBirthday: Boolean(e.detail.value) })}
            />
            <View className="admin-muted">打开后，每月 1 日给当月过生日的会员发券</View>
          </Field>
        ) : null}
      </View>

      <View className="admin-card campaign-form-options">
        <View className="admin-card__title">礼品选项</View>
        <View className="admin-card__note">只有一种礼品时人人都有，不用填库存；有多种时会员自己选，库存留空表示不限。</View>
        {form.options.map((o, i) => (
          <View key={o.key} className="campaign-option" data-option-key={o.key}>
            <View className="campaign-option__head">
              <Text>礼品 {i + 1}</Text>
              {form.options.length > 1 ? (
                <Text className="campaign-option__remove" onClick={() => patch({ options: form.options.filter((x) => x.key !== o.key) }, 'options')}>
                  删除
                </Text>
              ) : null}
            </View>
            <Input
              className="campaign-option__input campaign-option-name"
              value={o.name}
              maxlength={BENEFIT_TEXT_MAX.option}
              placeholder="礼品名称，如：月饼礼盒"
              onInput={(e) => editOption(o.key, { name: e.detail.value })}
            />
            <Input
              className="campaign-option__input campaign-option-supplier"
              value={o.supplier}
              maxlength={BENEFIT_TEXT_MAX.supplier}
              placeholder="供应商（选填）"
              onInput={(e) => editOption(o.key, { supplier: e.detail.value })}
            />
            <View className="campaign-option__row">
              <Input
                className="campaign-option__input campaign-option-stock"
                type="number"
                value={o.stock}
                maxlength={7}
                placeholder="库存（不限留空）"
                onInput={(e) => editOption(o.key, { stock: e.detail.value })}
              />
              <View
                className={`benefit-chip campaign-option-relief${o.povertyRelief ? ' benefit-chip--on' : ''}`}
                onClick={() => editOption(o.key, { povertyRelief: !o.povertyRelief })}
              >
                消费扶贫
              </View>
            </View>
            {errors.option?.[o.key] ? <View className="admin-field__error campaign-option-error">{errors.option[o.key]}</View> : null}
          </View>
        ))}
        {errors.options ? <View className="admin-field__error">{errors.options}</View> : null}
        {form.options.length < MAX_OPTIONS ? (
          <View className="campaign-option-add" onClick={() => patch({ options: [...form.options, newOption()] }, 'options')}>
            ＋ 添加礼品
          </View>
        ) : null}
      </View>

      <View className="admin-card campaign-form-audience">
        <View className="admin-card__title">发放对象</View>
        <View className="admin-card__note">不选部门即发给全体{form.includeRetired ? '在职和退休会员' : '在职会员'}。</View>
        <View className="benefit-chips campaign-departments">
          {departments.loading ? <View className="admin-muted">正在加载部门…</View> : null}
          {(departments.data ?? []).map((d) => (
            <View
              key={d.id}
              className={`benefit-chip campaign-department${form.departmentIds.includes(d.id) ? ' benefit-chip--on' : ''}`}
              onClick={() => patch({ departmentIds: toggle(form.departmentIds, d.id) })}
            >
              {d.name}
            </View>
          ))}
        </View>
      </View>

      <View className="admin-card campaign-form-times">
        <View className="admin-card__title">时间</View>
        <View className="admin-card__note">有多种礼品时，会员在「选择截止」前选好（可更换）；兑换时间内到兑换点出示券码领取。</View>
        {TIME_KEYS.map((k) => (
          <Field key={k} label={TIME_LABELS[k]} className={`campaign-time campaign-time--${k}`} error={errors[k]}>
            <View className="campaign-time__row">
              <Picker mode="date" value={form.times[k].date} onChange={(e) => editTime(k, 'date', String(e.detail.value))}>
                <View className="campaign-time__picker campaign-time__date">{calendarDayText(form.times[k].date, new Date())}</View>
              </Picker>
              <Picker mode="time" value={form.times[k].time} onChange={(e) => editTime(k, 'time', String(e.detail.value))}>
                <View className="campaign-time__picker campaign-time__clock">{form.times[k].time}</View>
              </Picker>
            </View>
          </Field>
        ))}
      </View>

      <View className="admin-card campaign-form-points">
        <View className="admin-card__title">兑换点</View>
        <View className="admin-card__note">会员可以在选中的任一兑换点领取；核销员在会员管理里指定所在兑换点。</View>
        <View className="benefit-chips campaign-points">
          {points.loading ? <View className="admin-muted">正在加载兑换点…</View> : null}
          {pointList.map((p) => (
            <View
              key={p.id}
              className={`benefit-chip campaign-point${form.pointIds.includes(p.id) ? ' benefit-chip--on' : ''}`}
              data-point-id={p.id}
              onClick={() => patch({ pointIds: toggle(form.pointIds, p.id) }, 'pointIds')}
            >
              {p.name}
            </View>
          ))}
        </View>
        {errors.pointIds ? <View className="admin-field__error campaign-points-error">{errors.pointIds}</View> : null}
        <NewPoint
          onSaved={(p) => {
            setAdded((a) => [...a, p])
            patch({ pointIds: [...form.pointIds, p.id] }, 'pointIds')
          }}
        />
      </View>

      <View className="admin-actions campaign-form-actions">
        <Button className="campaign-cancel" fill="outline" onClick={onDone}>
          取消
        </Button>
        <Button className="campaign-submit" type="primary" loading={m.busy === 'save'} onClick={() => void submit()}>
          建立福利
        </Button>
      </View>
    </>
  )
}

/** A small inline form: a new shop or pick-up place (name and address). */
function NewPoint({ onSaved }: { onSaved: (p: PointView) => void }) {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [address, setAddress] = useState('')
  const m = useMutation()

  const save = async () => {
    if (m.busy) return
    if (!name.trim()) return void Taro.showToast({ title: '请填写兑换点名称', icon: 'none' })
    const p = await m.run('save', () => callAction('benefit.savePoint', { name: name.trim(), address: address.trim() }), { invalidates: ['benefit.points'] })
    if (!p) return
    onSaved(p)
    setName('')
    setAddress('')
    setOpen(false)
  }

  if (!open) {
    return (
      <View className="campaign-point-add" onClick={() => setOpen(true)}>
        ＋ 新增兑换点
      </View>
    )
  }
  return (
    <View className="campaign-point-form">
      <Input
        className="campaign-option__input point-name"
        value={name}
        maxlength={BENEFIT_TEXT_MAX.point}
        placeholder="名称，如：好利来（人民路店）"
        onInput={(e) => setName(e.detail.value)}
      />
      <Input
        className="campaign-option__input point-address"
        value={address}
        maxlength={BENEFIT_TEXT_MAX.address}
        placeholder="地址（选填）"
        onInput={(e) => setAddress(e.detail.value)}
      />
      <ConfirmRow
        className="campaign-point-form__actions"
        confirmClass="point-save"
        busy={m.busy === 'save'}
        onCancel={() => setOpen(false)}
        onConfirm={() => void save()}
      >
        保存兑换点
      </ConfirmRow>
    </View>
  )
}
