import { useEffect, useState } from 'react'
import { Input, View } from '@tarojs/components'
import type { HardshipPolicyView } from '@shared/contract'
import { CATEGORY_TEXT_MAX } from '@shared/contract/hardship.contract'
import { AID_KINDS } from '@shared/domain/hardship'
import { setQueryData, useMutation, usePagedQuery, useQuery } from '../../../data'
import { callAction } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { PagedList } from '../../../components/PagedList'
import { Button } from '../../../ui/nutui'
import { AID_KIND_LABELS } from '../../../constants/hardship'
import { isDenied } from '../shared/AdminGate'
import { Checkbox } from '../shared/nutui'
import { categoriesOf, newRow, rowsOf, type CategoryRow, type RowProblem } from './form'
import '../shared/admin.scss'
import './index.scss'

/**
 * 帮扶慰问标准: each category's cap per case and how often a member may receive it, for this year or
 * next. Saving keeps a line in the history with who and when. Seeing requests needs 帮扶审核 as well.
 */
export default function HardshipPolicyPage() {
  const current = useQuery('hardship.policy', {}, { silent: true })
  const thisYear = current.data?.year
  const [year, setYear] = useState<number>()
  const shown = year ?? thisYear
  // This year's standard is what the first call answered; another year's is asked for when chosen.
  const otherYear = year !== undefined && year !== thisYear
  const other = useQuery('hardship.policy', { year: year ?? 0 }, { silent: true, enabled: otherYear })
  const loaded = otherYear ? other : current
  const [policy, setPolicy] = useState<HardshipPolicyView>()
  const [rows, setRows] = useState<CategoryRow[]>([])
  const [problem, setProblem] = useState<RowProblem>()
  const m = useMutation()
  const history = usePagedQuery('hardship.policyHistory', {}, { pageSize: 10 })

  // The form starts from the standard as loaded, or as last saved.
  useEffect(() => {
    if (!loaded.data) return
    setPolicy(loaded.data)
    setRows(rowsOf(loaded.data))
    setProblem(undefined)
  }, [loaded.data])

  const edit = (index: number, change: Partial<CategoryRow>) => {
    setRows((all) => all.map((r, i) => (i === index ? { ...r, ...change } : r)))
    setProblem(undefined)
  }

  const save = async () => {
    if (m.busy || !policy) return
    const checked = categoriesOf(rows)
    if ('problem' in checked) return setProblem(checked.problem)
    const saved = await m.run(
      'save',
      () => callAction('hardship.savePolicy', { year: policy.year, version: policy.version, categories: checked.categories }, { silent: true }),
      {
        success: '标准已保存',
        // Members' 申请帮扶 reads the standard: it loads again where shown.
        invalidates: ['hardship.policy'],
        onError: (error) => {
          const field = typeof error.details?.field === 'string' ? error.details.field : ''
          const index = /^categories\.(\d+)/.exec(field)?.[1]
          setProblem({ index: index === undefined ? null : Number(index), message: error.message })
        },
      },
    )
    if (!saved) return
    setQueryData('hardship.policy', saved.year === thisYear ? {} : { year: saved.year }, saved)
    await history.reload()
  }

  if (current.loading) {
    return (
      <View className="page page-admin-hardship">
        <PageHeader title="帮扶慰问标准" />
        <LoadingState rows={4} />
      </View>
    )
  }
  if (current.error || !thisYear) {
    return (
      <View className="page page-admin-hardship">
        <PageHeader title="帮扶慰问标准" />
        {current.error ? <ErrorState error={current.error} onRetry={() => void current.reload()} art="me" /> : null}
      </View>
    )
  }

  return (
    <View className="page page-admin-hardship">
      <PageHeader title="帮扶慰问标准" subtitle="每次慰问的金额上限和可领取次数；审批时按申请所在年度的标准核对" />
      <View className="policy-years">
        {[thisYear, thisYear + 1].map((y) => (
          <View
            key={y}
            className={`policy-year policy-year--${y === thisYear ? 'this' : 'next'}${shown === y ? ' policy-year--on' : ''}`}
            onClick={() => setYear(y)}
          >
            {y} 年
          </View>
        ))}
      </View>
      {loaded.error ? (
        <ErrorState error={loaded.error} onRetry={() => void loaded.reload()} art="me" />
      ) : !policy || policy.year !== shown ? (
        <LoadingState rows={4} />
      ) : (
        <>
          <View className="admin-card policy-source">
            <View className="admin-card__note">
              {policy.inheritedFrom === 'default'
                ? '目前沿用《市直机关工会工作要点》“五要访”“五要贺”的默认标准，保存后成为本会标准。'
                : policy.inheritedFrom !== null
                  ? `沿用 ${policy.inheritedFrom} 年的标准，保存后成为 ${policy.year} 年的标准。`
                  : `${policy.year} 年标准，最近由${policy.updatedBy ?? ''}于 ${policy.updatedAt ?? ''} 修改。`}
            </View>
          </View>
          {rows.map((r, i) => (
            <CategoryEditor
              key={r.key}
              row={r}
              index={i}
              problem={problem?.index === i ? problem.message : undefined}
              onChange={(c) => edit(i, c)}
              onRemove={r.added ? () => setRows((all) => all.filter((_, j) => j !== i)) : undefined}
            />
          ))}
          <View className="policy-add" onClick={() => setRows((all) => [...all, newRow()])}>
            ＋ 新增类别
          </View>
          {problem && problem.index === null ? <View className="admin-field__error policy-problem">{problem.message}</View> : null}
          <View className="admin-actions">
            <Button className="policy-save" type="primary" block loading={m.busy === 'save'} onClick={() => void save()}>
              保存 {policy.year} 年标准
            </Button>
          </View>
        </>
      )}

      <View className="admin-section-title policy-history-title">修改记录</View>
      <PagedList
        list={history}
        name="policy-history"
        listClass="admin-card policy-history"
        loadingRows={2}
        art="me"
        // Someone without the admin role has been told above; no second refusal here.
        errorView={isDenied(history.error) ? <></> : null}
        empty={{ title: '还没有修改记录', description: '每次保存标准，都会在这里留下修改人、时间和改动内容' }}
        endText={() => null}
        renderItem={(h) => (
          <View className="policy-change">
            <View className="policy-change__head">
              {h.year} 年标准 · {h.by} · {h.at}
            </View>
            {h.changes.map((line) => (
              <View key={line} className="policy-change__line">
                {line}
              </View>
            ))}
          </View>
        )}
      />
      <View className="admin-footer">管理员修改标准；查看和审批申请需要另有「帮扶审核」角色。</View>
    </View>
  )
}

interface EditorProps {
  row: CategoryRow
  index: number
  problem?: string
  onChange: (change: Partial<CategoryRow>) => void
  onRemove?: () => void
}

function CategoryEditor({ row: r, problem, onChange, onRemove }: EditorProps) {
  return (
    <View className={`admin-card policy-category${r.enabled ? '' : ' policy-category--off'}`} data-key={r.key}>
      <View className="policy-row">
        <Input
          className="policy-input policy-name"
          value={r.name}
          maxlength={CATEGORY_TEXT_MAX.name}
          placeholder="类别名称"
          onInput={(e) => onChange({ name: e.detail.value })}
        />
        <View className="policy-chips">
          {AID_KINDS.map((k) => (
            <View key={k} className={`policy-chip${r.kind === k ? ' policy-chip--on' : ''}`} onClick={() => onChange({ kind: k })}>
              {AID_KIND_LABELS[k]}
            </View>
          ))}
        </View>
      </View>
      <View className="policy-row">
        <View className="policy-label">每次不超过</View>
        <Input
          className="policy-input policy-cap"
          type="digit"
          value={r.cap}
          maxlength={12}
          placeholder="未设定"
          onInput={(e) => onChange({ cap: e.detail.value })}
        />
        <View className="policy-unit">元</View>
      </View>
      <View className="policy-row">
        <View className="policy-chips">
          <View className={`policy-chip${r.per === 'member' ? ' policy-chip--on' : ''}`} onClick={() => onChange({ per: 'member' })}>
            每人
          </View>
          <View className={`policy-chip policy-per-case${r.per === 'case' ? ' policy-chip--on' : ''}`} onClick={() => onChange({ per: 'case' })}>
            每个事项
          </View>
        </View>
        <View className="policy-chips">
          <View className={`policy-chip${r.period === 'year' ? ' policy-chip--on' : ''}`} onClick={() => onChange({ period: 'year' })}>
            每年
          </View>
          <View className={`policy-chip${r.period === 'ever' ? ' policy-chip--on' : ''}`} onClick={() => onChange({ period: 'ever' })}>
            累计
          </View>
        </View>
        <Input className="policy-input policy-times" type="number" value={r.times} maxlength={2} onInput={(e) => onChange({ times: e.detail.value })} />
        <View className="policy-unit">次</View>
      </View>
      {r.per === 'case' ? (
        <View className="policy-row">
          <View className="policy-label">事项指</View>
          <Input
            className="policy-input policy-case"
            value={r.caseLabel}
            maxlength={CATEGORY_TEXT_MAX.caseLabel}
            placeholder="如：病种、子女"
            onInput={(e) => onChange({ caseLabel: e.detail.value })}
          />
        </View>
      ) : null}
      <View className="policy-row policy-row--end">
        <Checkbox className="policy-enabled" checked={r.enabled} label="受理申请" onChange={(v) => onChange({ enabled: v })} />
        {onRemove ? (
          <View className="policy-remove" onClick={onRemove}>
            移除
          </View>
        ) : null}
      </View>
      {problem ? <View className="admin-field__error">{problem}</View> : null}
    </View>
  )
}
