import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import type { ActionInput, ActionName, ActionOutput } from '@shared/contract'
import { useMutation } from '../../data'
import { callAction } from '../../services/cloud'
import { openSpreadsheet } from '../../services/documents'
import { Button } from '../../ui/nutui'

/** Actions answering a spreadsheet the server wrote: its address, its file id where it has one, and how many rows where it counts. */
export type ExportActionName = { [K in ActionName]: ActionOutput<K> extends { readonly url: string } ? K : never }[ActionName]

export interface ExportButtonProps<N extends ExportActionName> {
  action: N
  input: ActionInput<N>
  /** Said instead of opening an empty sheet, where the action counts its rows. */
  empty?: string
  className: string
  fill?: 'solid' | 'outline'
  disabled?: boolean
  children: ReactNode
}

/** 导出表格: asks the server for the sheet and opens it (a download in the browser, the document viewer in WeChat). */
export function ExportButton<N extends ExportActionName>({ action, input, empty, className, fill, disabled, children }: ExportButtonProps<N>) {
  const m = useMutation<'export'>()
  const run = () =>
    m.run('export', async () => {
      const sheet = (await callAction(action, input)) as { url: string; fileId?: string; count?: number }
      if (sheet.count === 0 && empty) void Taro.showToast({ title: empty, icon: 'none' })
      else await openSpreadsheet(sheet.url, sheet.fileId)
    })
  return (
    <Button className={className} type="primary" fill={fill} size="small" loading={m.busy === 'export'} disabled={disabled} onClick={() => void run()}>
      {children}
    </Button>
  )
}

export default ExportButton
