import { useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import type { ImportProgress, ImportReport } from '@shared/contract'
import { invalidate } from '../../../data'
import { ActionError, callAction, uploadFile, type PickedFile } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { Progress } from '../shared/nutui'
import { checkPickedFile, REQUIRED_COLUMNS, TEMPLATE_COLUMNS, templateCsv } from './template'
import { AdminGate } from '../shared/AdminGate'
import '../shared/admin.scss'
import './index.scss'
import { COLORS } from '../../../styles/colors'

type Step =
  | { kind: 'pick' }
  | { kind: 'uploading'; fileName: string }
  | { kind: 'checking'; fileName: string }
  | { kind: 'report'; report: ImportReport }
  | { kind: 'applying'; report: ImportReport; progress: ImportProgress | null; failed?: string }
  | { kind: 'done'; report: ImportReport; progress: ImportProgress }

/**
 * 导入名册: pick a CSV/XLSX → upload → the server checks every row (nothing written yet) →
 * the admin reads the report → 确认导入 applies it in chunks, with progress, until done.
 */
export default function ImportPage() {
  const [step, setStep] = useState<Step>({ kind: 'pick' })
  const fileInput = useRef<HTMLInputElement | null>(null)

  const start = async (file: PickedFile & { size?: number }) => {
    const problem = checkPickedFile(file.name, file.size)
    if (problem) return void Taro.showToast({ title: problem, icon: 'none', duration: 3000 })
    setStep({ kind: 'uploading', fileName: file.name })
    try {
      const fileId = await uploadFile(file)
      setStep({ kind: 'checking', fileName: file.name })
      const report = await callAction('member.importCheck', { fileId, fileName: file.name })
      setStep({ kind: 'report', report })
    } catch {
      // uploadFile / callAction toasted why; back to picking.
      setStep({ kind: 'pick' })
    }
  }

  const choose = async () => {
    if (process.env.TARO_ENV === 'h5') {
      fileInput.current?.click()
      return
    }
    try {
      const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['csv', 'xlsx'] })
      const f = res.tempFiles[0]
      if (f) await start({ name: f.name, path: f.path, size: f.size })
    } catch {
      // Cancelled in the chat picker: nothing to say.
    }
  }

  const onH5File = (input: HTMLInputElement) => {
    const f = input.files?.[0]
    // Clear it so choosing the same (fixed) file again still fires change.
    input.value = ''
    if (f) void start({ name: f.name, blob: f, size: f.size })
  }

  const apply = async (report: ImportReport, from: ImportProgress | null = null) => {
    setStep({ kind: 'applying', report, progress: from })
    let progress = from
    try {
      // Each call applies the next chunks and says how far it got; calling again is always safe.
      do {
        progress = await callAction('member.importApply', { jobId: report.jobId }, { silent: true })
        setStep({ kind: 'applying', report, progress })
      } while (!progress.done)
      // 名册, 邀请码 and the admin's own session (their record may be in the file) load again when shown.
      invalidate('member')
      setStep({ kind: 'done', report, progress })
    } catch (err) {
      const message = err instanceof ActionError ? err.message : String(err)
      setStep({ kind: 'applying', report, progress, failed: message })
    }
  }

  const downloadTemplate = () => {
    if (process.env.TARO_ENV === 'h5') {
      const a = document.createElement('a')
      a.href = `data:text/csv;charset=utf-8,${encodeURIComponent(templateCsv())}`
      a.download = '会员名册模板.csv'
      document.body.appendChild(a)
      a.click()
      a.remove()
      return
    }
    void Taro.setClipboardData({ data: TEMPLATE_COLUMNS.join('\t') }).then(() =>
      Taro.showToast({ title: '表头已复制，粘贴到 Excel 第一行即可', icon: 'none', duration: 3000 }),
    )
  }

  const body = () => {
    switch (step.kind) {
      case 'pick':
        return (
          <>
            <View className="admin-card import-pick">
              <View className="admin-card__title">选择名单文件</View>
              <View className="admin-card__note">
                支持 Excel（.xlsx）和 CSV，最大 10 MB。第一行是表头，{REQUIRED_COLUMNS.join('、')}
                必须填写（下面标红的列）；已有的会员按会员编号更新，新的会员会新增，名册里没有的部门会自动建立。
              </View>
              <View className="import-columns">
                {TEMPLATE_COLUMNS.map((c) => (
                  <View key={c} className={`import-column${(REQUIRED_COLUMNS as readonly string[]).includes(c) ? ' import-column--required' : ''}`}>
                    {c}
                  </View>
                ))}
              </View>
              <View className="admin-actions">
                <Button className="import-choose" type="primary" block onClick={() => void choose()}>
                  {process.env.TARO_ENV === 'h5' ? '选择文件' : '从微信聊天中选择文件'}
                </Button>
                <Button className="import-template" fill="none" size="small" onClick={downloadTemplate}>
                  {process.env.TARO_ENV === 'h5' ? '下载模板（CSV）' : '复制表头'}
                </Button>
              </View>
            </View>
            {process.env.TARO_ENV === 'h5' ? null : <View className="admin-footer">先把名单发到微信（文件传输助手即可），再在这里选择。</View>}
          </>
        )
      case 'uploading':
        return <LoadingState rows={2} text={`正在上传「${step.fileName}」…`} />
      case 'checking':
        return <LoadingState rows={3} text="正在逐行检查名单，请稍候…" />
      default:
        return <Report step={step} onApply={(from) => void apply(step.report, from)} onRestart={() => setStep({ kind: 'pick' })} />
    }
  }

  return (
    <View className="page page-admin-import">
      <PageHeader title="导入名册" subtitle="上传工会会员名单，先检查再导入，不会直接改动名册" />
      {process.env.TARO_ENV === 'h5' ? (
        <input
          ref={fileInput}
          className="import-file-input"
          type="file"
          accept=".csv,.xlsx"
          style={{ display: 'none' }}
          onChange={(e) => onH5File(e.currentTarget)}
        />
      ) : null}
      <AdminGate>{body}</AdminGate>
    </View>
  )
}

function Report({
  step,
  onApply,
  onRestart,
}: {
  step: Extract<Step, { report: ImportReport }>
  onApply: (from: ImportProgress | null) => void
  onRestart: () => void
}) {
  const { report } = step
  const blocked = report.problemCount > 0
  return (
    <>
      <View className="admin-card import-report">
        <View className="admin-card__title">检查结果 · {report.fileName}</View>
        <View className="import-total">
          共 {report.total} 行，其中 {report.valid} 行可导入{blocked ? `，${report.problemCount} 处问题` : ''}
        </View>
        <View className="import-stats">
          <Stat className="import-stat--create" label="新增" value={report.toCreate} />
          <Stat className="import-stat--update" label="更新" value={report.toUpdate} />
          <Stat className="import-stat--unchanged" label="不变" value={report.unchanged} />
          <Stat className="import-stat--departments" label="新部门" value={report.newDepartments.length} />
        </View>
        {report.newDepartments.length ? (
          <View className="import-new-departments">
            将新建 {report.newDepartments.length} 个部门：{report.newDepartments.join('、')}
          </View>
        ) : null}
      </View>

      {blocked ? (
        <View className="admin-card import-problems">
          <View className="import-problems__title">发现 {report.problemCount} 处问题，请修改文件后重新上传</View>
          <View className="admin-card__note">这份名单暂时不能导入，名册没有任何改动。</View>
          {report.problems.map((p, i) => (
            <View key={`${p.row}-${p.column}-${i}`} className="import-problem">
              <View className="import-problem__where">
                第 {p.row} 行 · {p.column}
              </View>
              <View className="import-problem__message">{p.message}</View>
            </View>
          ))}
          {report.problemCount > report.problems.length ? (
            <View className="admin-card__note">只列出了前 {report.problems.length} 处，改好后再上传会继续检查。</View>
          ) : null}
          <View className="admin-actions">
            <Button className="import-restart" type="primary" block onClick={onRestart}>
              重新上传
            </Button>
          </View>
        </View>
      ) : step.kind === 'report' ? (
        <View className="admin-card">
          {report.canApply ? (
            <>
              <View className="admin-card__note">
                没有发现问题。确认后将新增 {report.toCreate} 人、更新 {report.toUpdate} 人
                {report.newDepartments.length ? `、新建 ${report.newDepartments.length} 个部门` : ''}。
              </View>
              <View className="admin-actions">
                <Button className="import-apply" type="primary" block onClick={() => onApply(null)}>
                  确认导入
                </Button>
                <Button className="import-restart" fill="none" size="small" onClick={onRestart}>
                  换一份文件
                </Button>
              </View>
            </>
          ) : (
            <>
              <View className="admin-card__note import-nothing">名单和现有名册完全一致，不需要导入。</View>
              <View className="admin-actions">
                <Button className="import-restart" type="primary" fill="outline" block onClick={onRestart}>
                  换一份文件
                </Button>
              </View>
            </>
          )}
        </View>
      ) : step.kind === 'applying' ? (
        <View className="admin-card import-applying">
          <View className="admin-card__title">{step.failed ? '导入暂停了' : '正在导入，请不要离开本页面'}</View>
          <ProgressBar progress={step.progress} fallbackTotal={report.toCreate + report.toUpdate} />
          {step.failed ? (
            <>
              <View className="admin-field__error import-failed">{step.failed}。已导入的不会重复，可以放心继续。</View>
              <View className="admin-actions">
                <Button className="import-resume" type="primary" block onClick={() => onApply(step.progress)}>
                  继续导入
                </Button>
              </View>
            </>
          ) : null}
        </View>
      ) : (
        <View className="admin-card import-done">
          <View className="admin-card__title">导入完成</View>
          <ProgressBar progress={step.progress} fallbackTotal={step.progress.total} />
          <View className="import-summary">
            新增 {report.toCreate} 人，更新 {report.toUpdate} 人{report.newDepartments.length ? `，新建部门 ${report.newDepartments.join('、')}` : ''}
            。新会员可以用邀请码或会员信息绑定微信。
          </View>
          <View className="admin-actions">
            <Button className="import-view-members" type="primary" block onClick={() => void Taro.redirectTo({ url: ROUTES.adminMembers })}>
              查看会员名册
            </Button>
            <Button className="import-go-invites" type="primary" fill="outline" block onClick={() => void Taro.redirectTo({ url: ROUTES.adminInvites })}>
              为新会员生成邀请码
            </Button>
            <Button className="import-restart" fill="none" size="small" onClick={onRestart}>
              再导入一份
            </Button>
          </View>
        </View>
      )}
      <View className="admin-footer" />
    </>
  )
}

function Stat({ label, value, className }: { label: string; value: number; className: string }) {
  return (
    <View className={`import-stat ${className}`}>
      <View className="import-stat__value">{value}</View>
      <View className="import-stat__label">{label}</View>
    </View>
  )
}

function ProgressBar({ progress, fallbackTotal }: { progress: ImportProgress | null; fallbackTotal: number }) {
  const total = progress?.total ?? fallbackTotal
  const processed = progress?.processed ?? 0
  const percent = total > 0 ? Math.min(100, Math.round((processed / total) * 100)) : progress?.done ? 100 : 0
  return (
    <View className="import-progress">
      <Progress percent={percent} color={COLORS.brand} strokeWidth="8" animated={!progress?.done} />
      <View className="import-progress__text">
        已导入 {processed} / {total}
      </View>
    </View>
  )
}
