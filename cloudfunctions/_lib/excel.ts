import type ExcelJSModule from 'exceljs'

/**
 * exceljs is most of a function bundle's weight, and only imports and exports need it: it is left
 * out of the bundle (installed from the function's package.json) and loaded on first use, so a
 * cold start that only answers `member.me` never parses it.
 */
export async function loadExcel(): Promise<typeof ExcelJSModule> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJSModule } & typeof ExcelJSModule
  return mod.default ?? mod
}
