/**
 * The cap on a response's size (MAX_RESPONSE_BYTES), applied where Apollo turns the result into
 * JSON, so a response is serialised once. An answer over the cap is replaced by one error with the
 * code RESULT_TOO_LARGE: a client gets a clear refusal instead of megabytes it did not expect.
 * Compact JSON, not Apollo's indented default: smaller and faster to write.
 */
import type { FormattedExecutionResult } from 'graphql';
import { ErrorCode } from '../domain/index.js';

export function responseSizeCap(maxBytes: number) {
  return function stringifyResult(result: FormattedExecutionResult): string {
    const json = JSON.stringify(result);
    // A UTF-8 byte count is needed only where the UTF-16 length leaves room for doubt.
    if (json.length * 3 <= maxBytes || Buffer.byteLength(json) <= maxBytes) return json;
    return JSON.stringify({
      errors: [
        {
          message: `The response would be ${Buffer.byteLength(json)} bytes; the limit is ${maxBytes} (MAX_RESPONSE_BYTES). Ask for fewer fields or a narrower question.`,
          extensions: { code: ErrorCode.RESULT_TOO_LARGE, limit: maxBytes, setting: 'MAX_RESPONSE_BYTES' },
        },
      ],
      data: null,
    });
  };
}
