/**
 * The funds forms' text limits as plain data: funds.contract.ts builds the schemas from them, and
 * the 经费 pages, which otherwise need no zod, limit their inputs by them.
 */

/** An expense item's name, and why an admin sends a claim back. */
export const FUNDS_TEXT_MAX = { itemName: 30, expenseReason: 100 } as const

/** 冲正原因: a few words at least, so the ledger says why. */
export const CORRECTION_REASON = { min: 2, max: 100 } as const
