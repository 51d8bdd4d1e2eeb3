/**
 * Opens a spreadsheet the server exported (invite codes, a group's roster): a download in the
 * browser; in the mini-program, WeChat's document viewer (where 转发 / 保存 are). If that fails the
 * user can copy the short-lived link into a browser.
 */
import Taro from '@tarojs/taro'
import { downloadCloudFile } from './cloud'

export async function openSpreadsheet(url: string, fileId?: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a')
    a.href = url
    a.target = '_blank'
    a.rel = 'noopener'
    document.body.appendChild(a)
    a.click()
    a.remove()
    return
  }
  void Taro.showLoading({ title: '正在下载…', mask: true })
  let opened = false
  try {
    const filePath = await downloadCloudFile(fileId ?? '', url)
    await Taro.openDocument({ filePath, fileType: 'xlsx', showMenu: true })
    opened = true
  } catch {
    // offered below
  } finally {
    Taro.hideLoading()
  }
  if (opened) return
  const { confirm } = await Taro.showModal({
    title: '表格没有打开',
    content: '可以复制下载链接，在电脑浏览器中打开（10 分钟内有效）。',
    confirmText: '复制链接',
  })
  if (confirm) await Taro.setClipboardData({ data: url })
}
