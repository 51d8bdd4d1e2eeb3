import { Aggregator } from 'mingo'
import { invalidParam, requestFailed } from './errors'
import { MINGO_OPTIONS, evaluate } from './mingo'
import { type Doc, cloneValue, decodeEJSON, isPlainObject } from './values'

/** Stages that would write through mingo's collection resolver, bypassing the journal. */
const WRITING_STAGES = new Set(['$out', '$merge'])

/** The SDK sends `stages: [{ stageKey: '$match', stageValue: '<EJSON or JSON>' }]`. */
export function decodePipeline(stages: unknown, now: number): Doc[] {
  if (!Array.isArray(stages)) throw invalidParam('stages must be an array')
  return stages.map((stage, i) => {
    if (!isPlainObject(stage) || typeof stage.stageKey !== 'string') throw invalidParam(`stage ${i} must be { stageKey, stageValue }`)
    if (!stage.stageKey.startsWith('$')) throw invalidParam(`stage ${i}: ${stage.stageKey} is not a stage name`)
    if (WRITING_STAGES.has(stage.stageKey)) throw requestFailed(`${stage.stageKey} is not supported by the local CloudBase`)
    return { [stage.stageKey]: decodeEJSON(stage.stageValue, `stage ${stage.stageKey}`, now) }
  })
}

/** Runs on copies, so no stage can reach the stored documents; `$lookup` reads other collections. */
export function runPipeline(docs: Doc[], pipeline: Doc[], collection: (name: string) => Doc[]): Doc[] {
  const resolver = (name: string): Doc[] => collection(name).map(cloneValue)
  return evaluate('aggregate', () => new Aggregator(pipeline, { ...MINGO_OPTIONS, collectionResolver: resolver }).run<Doc>(docs.map(cloneValue)))
}
