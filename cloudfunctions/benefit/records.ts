import type { BenefitKind } from '@shared/domain/benefits'

/**
 * The benefit records as stored. Kept apart from the repositories that read and write them
 * (*.repo.ts) so that _lib/documents.ts can re-export them without an import cycle; only the
 * repositories name the collections.
 */

/** A shop or pick-up place where vouchers are redeemed; redeemers hold a `redeemer` grant scoped to it. */
export interface PointDoc {
  readonly _id: string
  readonly unionId: string
  readonly name: string
  readonly address: string
}

export interface CampaignOption {
  readonly id: string
  readonly name: string
  readonly stock: number | null
  readonly supplier: string
  readonly povertyRelief: boolean
}

export interface CampaignDoc {
  readonly _id: string
  readonly unionId: string
  readonly kind: BenefitKind
  readonly name: string
  /** The Shanghai calendar year the vouchers belong to (one cake voucher per member per year). */
  readonly year: number
  readonly faceValue: number
  readonly options: readonly CampaignOption[]
  readonly includeRetired: boolean
  readonly departmentIds: readonly string[]
  readonly claimClosesAt: Date
  readonly redeemFrom: Date
  readonly redeemUntil: Date
  readonly points: readonly { readonly id: string; readonly name: string }[]
  readonly autoBirthday: boolean
  /** Where the current issuing pass has reached (member _id order); '' between passes. */
  readonly issueCursor: string
  readonly remindedAt: Date | null
  readonly createdBy: string
  readonly createdAt: Date
  /** When the unredeemed vouchers' commitment went back to the line, after the redemption window. */
  readonly releasedAt?: Date
}

/** Stock left of one gift option (_id = campaign:option); only options with a stock have one. */
export interface OptionStockDoc {
  readonly _id: string
  readonly unionId: string
  readonly campaignId: string
  readonly remaining: number
  /**
   * The vouchers holding one of this stock (taken with the decrement, in the same write), with when
   * each was taken: a retried choice finds its own hold instead of taking a second, and the repair
   * job counts remaining = stock − holders. Absent on stock written before holders were kept.
   */
  readonly holders?: readonly { readonly v: string; readonly at: Date }[]
  /** Bumped by every write, so the repair job's correction applies only to the stock it read. */
  readonly rev?: number
}

export interface VoucherRedemption {
  readonly at: Date
  readonly pointId: string
  readonly pointName: string
  readonly by: string
  readonly byName: string
  /** The redeemer's request: a retry of the same request is answered with the same success. */
  readonly requestId: string
  /** 代领: someone collected it for the member. */
  readonly proxyReason: string | null
}

/**
 * One member's voucher. The _id is the natural key: campaign:member, or for cake vouchers
 * cake:union:year:member, so the database itself allows one cake voucher per member per year.
 */
export interface VoucherDoc {
  readonly _id: string
  readonly unionId: string
  readonly campaignId: string
  readonly kind: BenefitKind
  readonly name: string
  readonly year: number
  readonly faceValue: number
  readonly memberId: string
  readonly memberName: string
  readonly departmentId: string
  readonly departmentName: string
  readonly needsChoice: boolean
  readonly optionId: string | null
  /** Kept with the choice, so a redemption reads one document. */
  readonly optionName: string | null
  readonly status: 'issued' | 'redeemed'
  readonly claimClosesAt: Date
  readonly redeemFrom: Date
  readonly redeemUntil: Date
  readonly points: readonly { readonly id: string; readonly name: string }[]
  readonly issuedAt: Date
  readonly redeemedAt: Date | null
  readonly redemption: VoucherRedemption | null
  readonly remindedAt: Date | null
  /** The issuing pass that inserted it (absent on vouchers issued before passes were stamped). */
  readonly issuePass?: string
  /** False until its pass has posted the commitment and written the notice; a stale false is finished by the next pass or the repair job. */
  readonly settled?: boolean
}
