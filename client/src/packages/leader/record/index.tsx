import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { Input, Textarea, View } from '@tarojs/components'
import { GROUP_TEXT_MAX } from '@shared/contract/group.contract'
import { invalidate, useQuery } from '../../../data'
import { ActionError, callAction, uploadFile } from '../../../services/cloud'
import { PageHeader } from '../../../components/PageHeader'
import { LoadingState } from '../../../components/LoadingState'
import { ErrorState } from '../../../components/ErrorState'
import { DatePick, Field, textBinder } from '../../../components/FormField'
import { PhotoGrid } from '../../../components/photos/PhotoGrid'
import { uploadMissing, withFileId, type Photo } from '../../../components/photos/photo-model'
import { Button } from '../../../ui/nutui'
import { ROUTES } from '../../../constants/routes'
import { idParam, todayText, withId } from '../../../constants/groups'
import { Progress } from '../shared/nutui'
import { checkRecord, MAX_PHOTOS, RECORD_PHOTOS, type RecordErrors, type RecordForm } from './photos'
import '../shared/leader.scss'
import './index.scss'
import { COLORS } from '../../../styles/colors'

type Stage = { kind: 'edit' } | { kind: 'uploading'; done: number; total: number } | { kind: 'saving' }

/** 记录活动: a title, the day, a few lines and up to nine photos, uploaded one by one with progress. */
export default function RecordPage() {
  const id = idParam(useRouter().params.id)
  const group = useQuery('group.get', { id }, { silent: true })
  const [form, setForm] = useState<RecordForm>(() => ({ title: '', date: todayText(), text: '' }))
  const [errors, setErrors] = useState<RecordErrors>({})
  const [photos, setPhotos] = useState<Photo[]>([])
  const [stage, setStage] = useState<Stage>({ kind: 'edit' })
  const working = stage.kind !== 'edit'

  const edit = <K extends keyof RecordForm>(key: K, value: RecordForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }))
    setErrors((e) => ({ ...e, [key]: undefined }))
  }
  const text = textBinder(form, edit)

  const submit = async () => {
    if (working) return
    const problems = checkRecord(form)
    if (Object.keys(problems).length) return setErrors(problems)
    // Upload what is not up yet; a failure stops here, and 发布 again resumes from that photo.
    try {
      const photoFileIds = await uploadMissing(photos, (photo) => uploadFile(photo), {
        uploading: (done, total) => setStage({ kind: 'uploading', done, total }),
        uploaded: (key, fileId) => setPhotos((all) => withFileId(all, key, fileId)),
      })
      setStage({ kind: 'saving' })
      await callAction('group.addRecord', { id, title: form.title.trim(), date: form.date, text: form.text.trim(), photoFileIds })
    } catch (err) {
      // Toasted already; a field the server refused is shown by the field.
      const field = err instanceof ActionError ? err.details?.field : undefined
      if (field === 'title' || field === 'date' || field === 'text') setErrors({ [field]: (err as ActionError).message })
      setStage({ kind: 'edit' })
      return
    }
    // The group page's 纪实 load again when it is shown.
    invalidate('group')
    void Taro.showToast({ title: '已发布', icon: 'success' })
    await Taro.navigateBack().catch(() => Taro.redirectTo({ url: withId(ROUTES.group, id) }))
  }

  if (group.loading && !group.data) {
    return (
      <View className="page page-leader-record">
        <PageHeader title="记录活动" />
        <LoadingState rows={3} />
      </View>
    )
  }
  if (group.error || !group.data) {
    return (
      <View className="page page-leader-record">
        <PageHeader title="记录活动" />
        {group.error ? <ErrorState error={group.error} onRetry={() => void group.reload()} art="activities" /> : null}
      </View>
    )
  }
  if (!group.data.iLead) {
    return (
      <View className="page page-leader-record">
        <PageHeader title="记录活动" subtitle={group.data.name} />
        <ErrorState error={new ActionError('FORBIDDEN', '只有本小组的组长或工会管理员可以记录活动')} art="activities" />
      </View>
    )
  }

  const percent = stage.kind === 'uploading' ? Math.round((stage.done / Math.max(1, stage.total)) * 100) : 100
  return (
    <View className="page page-leader-record">
      <PageHeader title="记录活动" subtitle={group.data.name} />
      <View className="leader-card">
        <Field area="leader" label="标题" error={errors.title}>
          <Input
            className="leader-field__input record-title-input"
            maxlength={GROUP_TEXT_MAX.title}
            placeholder="例如：周三羽毛球训练"
            disabled={working}
            {...text('title')}
          />
        </Field>
        <Field area="leader" label="活动日期" error={errors.date}>
          <DatePick
            area="leader"
            className="record-date"
            arrowClass="record-arrow"
            value={form.date}
            start="2000-01-01"
            end={todayText()}
            disabled={working}
            onChange={(v) => edit('date', v)}
          />
        </Field>
        <Field area="leader" label="活动情况" error={errors.text}>
          <Textarea
            className="leader-field__textarea record-text-input"
            maxlength={GROUP_TEXT_MAX.description}
            placeholder="几个人参加、做了什么、有什么收获（选填）"
            disabled={working}
            {...text('text')}
          />
          <View className="leader-field__count">{form.text.length} / 500</View>
        </Field>
        <Field area="leader" label={`照片（${photos.length} / ${MAX_PHOTOS}）`}>
          <PhotoGrid
            prefix="record"
            photos={photos}
            onChange={setPhotos}
            rules={RECORD_PHOTOS}
            addLabel="添加照片"
            disabled={working}
            onPicked={(refused) => {
              if (refused) void Taro.showToast({ title: refused, icon: 'none' })
            }}
          />
        </Field>
      </View>

      {stage.kind === 'uploading' ? (
        <View className="record-progress">
          <View className="record-progress__text">
            正在上传照片 {stage.done + 1} / {stage.total}…
          </View>
          <Progress percent={percent} color={COLORS.brand} strokeWidth="8" animated />
        </View>
      ) : null}

      <View className="record-submit">
        <Button className="record-save" type="primary" block loading={working} onClick={() => void submit()}>
          {stage.kind === 'uploading' ? '正在上传照片…' : stage.kind === 'saving' ? '正在发布…' : '发布纪实'}
        </Button>
        <View className="record-submit__note">发布后小组成员都能看到；照片只在小程序内查看。</View>
      </View>
    </View>
  )
}
