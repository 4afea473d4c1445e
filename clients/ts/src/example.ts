// A front-end's booking call, type-checked against the types generated from the merged OpenAPI
// document (src/api.d.ts, `npm run generate`). `make api-check` runs `tsc --noEmit` on it: a
// breaking API change (a renamed field, a removed problem code, a changed status) fails the check.
import type { components, paths } from "./api";

type CreateBooking = paths["/api/v1/bookings"]["post"];
type BookingCreate = CreateBooking["requestBody"]["content"]["application/json"];
type BookingRead = CreateBooking["responses"][201]["content"]["application/json"];
type Problem = components["schemas"]["Problem"];
type QuotaOrCapacity = CreateBooking["responses"][409]["content"]["application/problem+json"];
type ErrorCodeTable = paths["/api/v1/error-codes"]["get"]["responses"][200]["content"]["application/json"];

export type BookingOutcome =
  | { ok: true; bookingId: string; status: BookingRead["status"]; cancelDeadline: string }
  | { ok: false; code: Problem["code"]; message: string; earliestDate?: string };

/** Books a dental cleaning for the signed-in customer; maps problems to what the app shows. */
export async function bookDentalCleaning(
  baseUrl: string,
  token: string,
  messages: ErrorCodeTable,
): Promise<BookingOutcome> {
  const body: BookingCreate = {
    customer_id: "C1001",
    service_code: "dental_cleaning",
    clinic_id: "meinian-sh-jingan",
    date: "2026-10-09",
    contact_mobile: "13800138000",
  };
  const response = await fetch(`${baseUrl}/api/v1/bookings`, {
    method: "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "Content-Type": "application/json",
      "Idempotency-Key": crypto.randomUUID(),
    },
    body: JSON.stringify(body),
  });
  if (response.status === 201 || response.status === 200) {
    const booking = (await response.json()) as BookingRead;
    return { ok: true, bookingId: booking.booking_id, status: booking.status, cancelDeadline: booking.cancel_deadline };
  }
  const problem = (await response.json()) as Problem;
  const shown = messages.items.find((item) => item.code === problem.code)?.message_zh ?? problem.detail;
  if (response.status === 409) {
    const conflict = problem as QuotaOrCapacity;
    if (conflict.code === "quota_exhausted") {
      return { ok: false, code: "quota_exhausted", message: shown };
    }
  }
  if (problem.code === "too_late_to_book") {
    const earliest = problem["earliest_date"];
    return {
      ok: false,
      code: problem.code,
      message: shown.replace("{earliest_date}", String(earliest)),
      earliestDate: String(earliest),
    };
  }
  return { ok: false, code: problem.code, message: shown };
}
