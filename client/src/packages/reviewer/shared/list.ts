/** How the reviewer pages' lists look: the area's list and footer styles, the benefits art. */
export const REVIEWER_LIST = { listClass: 'reviewer-list', footerClass: 'reviewer-footer', art: 'benefits' } as const
