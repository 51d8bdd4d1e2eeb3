/** A form's key as a client makes one (one per form: the same key sent again is the same create). */
export { newRequestId as newKey } from '../../shared/domain/request-id'
