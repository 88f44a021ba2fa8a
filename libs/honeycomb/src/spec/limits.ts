/**
 * Limits Honeycomb's v1 API documents or enforces, in one place so validation, request bodies and
 * the test double agree. Each names where it comes from.
 */

/** terraform-provider-honeycombio internal/provider/trigger_resource.go: name LengthBetween(1, 120). */
export const TRIGGER_NAME_MAX = 120;
/** terraform-provider-honeycombio internal/provider/slo_resource.go: name LengthBetween(1, 120). */
export const SLO_NAME_MAX = 120;
/** terraform-provider-honeycombio internal/provider/flexible_board_resource.go: name LengthBetween(1, 255). */
export const BOARD_NAME_MAX = 255;
/** https://docs.honeycomb.io/api/tag/Query-Annotations/ (Create a Query Annotation): name [1 .. 80] characters. */
export const QUERY_ANNOTATION_NAME_MAX = 80;
/** https://docs.honeycomb.io/api/tag/Query-Annotations/ (Create a Query Annotation): description <= 280 characters. */
export const QUERY_ANNOTATION_DESCRIPTION_MAX = 280;
/**
 * terraform-provider-honeycombio internal/provider/{trigger,slo,burn_alert,flexible_board}_resource.go:
 * description LengthAtMost(1023) / LengthBetween(1, 1023).
 */
export const DESCRIPTION_MAX = 1023;

/** terraform-provider-honeycombio client/tags.go: MaxTagsPerResource = 10. */
export const MAX_TAGS = 10;
/** terraform-provider-honeycombio client/tags.go: TagKeyValidationRegex, 1-32 lowercase letters. */
export const TAG_KEY_PATTERN = /^[a-z]{1,32}$/;
/** terraform-provider-honeycombio client/tags.go: TagValueValidationRegex, a lowercase letter then [a-z0-9/-]. */
export const TAG_VALUE_PATTERN = /^[a-z][a-z0-9/-]{1,128}$/;

/** terraform-provider-honeycombio honeycombio/resource_pagerduty_recipient.go: integration_key StringLenBetween(32, 32). */
export const PAGERDUTY_KEY_LENGTH = 32;

/**
 * terraform-provider-honeycombio client/trigger.go: "time_range of the query can be at most 1 day and
 * may not be greater than 4 times the frequency"; frequency "divisible by 60 and between 60 and 86400".
 */
export const TRIGGER_MAX_TIME_RANGE = 86_400;
export const TRIGGER_MAX_RANGE_PER_FREQUENCY = 4;

/**
 * https://docs.honeycomb.io/notify/alert/triggers/ ("Trigger queries cannot use the CONCURRENCY or
 * HEATMAP operators"); terraform-provider-honeycombio client/trigger.go MatchesTriggerSubset (HEATMAP).
 */
export const TRIGGER_FORBIDDEN_CALCULATIONS = ['HEATMAP', 'CONCURRENCY'] as const;
