import type { z } from "zod";
import { versionedDocument, type StoredDocument } from "../../../platform/contracts/versioned.ts";
import { AmendmentPreview } from "./amendments.ts";

// The assessment an amendment request is stored with (amendmentRequest.assessment): what the
// preview showed, as a versioned document parsed on every read.
const ASSESSMENT = versionedDocument({ kind: "amendment assessment", version: 1, schema: AmendmentPreview });

export type StoredAmendmentAssessment = z.output<typeof AmendmentPreview>;

export function storedAmendmentAssessment(a: StoredAmendmentAssessment): StoredDocument {
  return ASSESSMENT.store(a);
}

/** The request's stored assessment; InvariantViolation (naming the request) when it does not match. */
export function parseStoredAmendmentAssessment(json: unknown, request: { number: string }): StoredAmendmentAssessment {
  return ASSESSMENT.parse(json, `amendment ${request.number}`);
}
