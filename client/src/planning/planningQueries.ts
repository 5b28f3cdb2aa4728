/** The planners' GraphQL operations, in one place. */
export const COVERAGE = `query Coverage {
  coverage { city { lengthM coveredM percent } wards { wardCode approximate figures { lengthM coveredM percent } } }
}`;

export const COVERAGE_GAPS = `query CoverageGaps($after: String) {
  coverageGaps(first: 200, after: $after) { nodes { roadId roadClass lengthM geometry } pageInfo { hasNextPage endCursor } }
}`;

const PLAN_FIELDS = `id kind candidateCount scopeLengthM beforePercent afterPercent addedM optimal gapPercent solveSeconds
  greedyAfterPercent greedyAddedM greedySeconds summary
  sites { rank location headingDeg fieldOfViewDeg rangeM wardCode gainM viewArea }`;

export const PLAN_CAMERAS = `mutation PlanCameras($count: Int!, $kind: CameraSiteKind!, $timeLimitS: Float) {
  planCameras(count: $count, kind: $kind, timeLimitS: $timeLimitS) { cameraPlan { ${PLAN_FIELDS} } errors { code message } }
}`;

export const ADOPT_PLAN = `mutation AdoptPlan($planId: ID!) {
  adoptPlan(planId: $planId) { adoptedPlan { planId cameras { id } } errors { code message } }
}`;

export const PLANNED_CAMERAS = 'query PlannedCameras { plannedCameras { id planId status kind wardCode location viewArea gainM } }';
