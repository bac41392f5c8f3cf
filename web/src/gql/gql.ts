/* eslint-disable */
import * as types from './graphql'
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core'

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
  '\n  query TypeFields($name: String!) {\n    __type(name: $name) {\n      name\n      fields {\n        name\n      }\n    }\n  }\n': typeof types.TypeFieldsDocument
  '\n  query OverviewPopulation($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      population {\n        value\n        status\n        flags\n      }\n    }\n    dataset(id: "pop.official_total") {\n      ownerDepartment\n      stichtag\n      asOf\n    }\n  }\n': typeof types.OverviewPopulationDocument
  '\n  query OverviewAsylum($from: Int!, $to: Int!, $prev: Int!) {\n    years(from: $from, to: $to) {\n      year\n      asylumCapacity {\n        day\n        capacity\n        occupied\n        free\n        aboveCapacity\n        occupancyRate {\n          value\n          status\n        }\n        arrivalsPerMonth\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n    thisYear: year(year: $to) {\n      allocations(grain: MONTH) {\n        period\n        count {\n          value\n          status\n          flags\n        }\n      }\n    }\n    lastYear: year(year: $prev) {\n      allocations(grain: MONTH) {\n        period\n        count {\n          value\n          status\n          flags\n        }\n      }\n    }\n  }\n': typeof types.OverviewAsylumDocument
  '\n  query OverviewAsylumSufficiency($day: Date!) {\n    asylumCapacity(day: $day) {\n      day\n      sufficient\n      monthsOfHeadroom\n    }\n  }\n': typeof types.OverviewAsylumSufficiencyDocument
  '\n  query OverviewFinance($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      ansatz: budget(version: ANSATZ) {\n        ordinaryResult {\n          amount\n          status\n        }\n        ordinaryExpense {\n          amount\n          status\n        }\n      }\n      ist: budget(version: IST) {\n        ordinaryResult {\n          amount\n          status\n        }\n        ordinaryExpense {\n          amount\n          status\n        }\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n': typeof types.OverviewFinanceDocument
  '\n  query OverviewKita($ags: ID!, $to: Int!, $prev: Int!, $prev2: Int!) {\n    districts(ags: $ags) {\n      code\n      kitaNow: kitaPlaces(year: $to) {\n        year\n        placesTotal\n        placesU3\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n      kitaBefore: kitaPlaces(year: $prev) {\n        year\n        placesTotal\n      }\n      under3Now: cohort(ageFrom: 0, ageTo: 2, year: $prev) {\n        value\n        status\n        flags\n      }\n      age3to5Now: cohort(ageFrom: 3, ageTo: 5, year: $prev) {\n        value\n        status\n        flags\n      }\n      under3Before: cohort(ageFrom: 0, ageTo: 2, year: $prev2) {\n        value\n        status\n        flags\n      }\n      age3to5Before: cohort(ageFrom: 3, ageTo: 5, year: $prev2) {\n        value\n        status\n        flags\n      }\n    }\n  }\n': typeof types.OverviewKitaDocument
  '\n  query OverviewSocial($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      residents\n      eingliederungshilfe {\n        recipients {\n          value\n          status\n          flags\n        }\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n': typeof types.OverviewSocialDocument
  '\n  query OverviewLighting($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      streetLighting {\n        stichtag\n        lights\n        ledShare\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n': typeof types.OverviewLightingDocument
  '\n  query OverviewFreshness {\n    datasets {\n      id\n      title\n      ownerDepartment\n      stichtag\n      refreshCadence\n      freshness\n      stale\n    }\n  }\n': typeof types.OverviewFreshnessDocument
  '\n  query OverviewWarnDay {\n    dataset(id: "soc.daily_metric") {\n      stichtag\n    }\n  }\n': typeof types.OverviewWarnDayDocument
  '\n  query OverviewWarnGauge($ags: ID!, $day: Date!) {\n    municipality(ags: $ags) {\n      healthDay(day: $day) {\n        day\n        warnGauge {\n          day\n          value\n          level\n          label\n          color\n          trend7d\n          bands {\n            from\n            to\n            label\n            color\n          }\n          provenance {\n            ownerDepartment\n            stichtag\n            asOf\n          }\n        }\n      }\n    }\n  }\n': typeof types.OverviewWarnGaugeDocument
}
const documents: Documents = {
  '\n  query TypeFields($name: String!) {\n    __type(name: $name) {\n      name\n      fields {\n        name\n      }\n    }\n  }\n':
    types.TypeFieldsDocument,
  '\n  query OverviewPopulation($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      population {\n        value\n        status\n        flags\n      }\n    }\n    dataset(id: "pop.official_total") {\n      ownerDepartment\n      stichtag\n      asOf\n    }\n  }\n':
    types.OverviewPopulationDocument,
  '\n  query OverviewAsylum($from: Int!, $to: Int!, $prev: Int!) {\n    years(from: $from, to: $to) {\n      year\n      asylumCapacity {\n        day\n        capacity\n        occupied\n        free\n        aboveCapacity\n        occupancyRate {\n          value\n          status\n        }\n        arrivalsPerMonth\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n    thisYear: year(year: $to) {\n      allocations(grain: MONTH) {\n        period\n        count {\n          value\n          status\n          flags\n        }\n      }\n    }\n    lastYear: year(year: $prev) {\n      allocations(grain: MONTH) {\n        period\n        count {\n          value\n          status\n          flags\n        }\n      }\n    }\n  }\n':
    types.OverviewAsylumDocument,
  '\n  query OverviewAsylumSufficiency($day: Date!) {\n    asylumCapacity(day: $day) {\n      day\n      sufficient\n      monthsOfHeadroom\n    }\n  }\n':
    types.OverviewAsylumSufficiencyDocument,
  '\n  query OverviewFinance($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      ansatz: budget(version: ANSATZ) {\n        ordinaryResult {\n          amount\n          status\n        }\n        ordinaryExpense {\n          amount\n          status\n        }\n      }\n      ist: budget(version: IST) {\n        ordinaryResult {\n          amount\n          status\n        }\n        ordinaryExpense {\n          amount\n          status\n        }\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n':
    types.OverviewFinanceDocument,
  '\n  query OverviewKita($ags: ID!, $to: Int!, $prev: Int!, $prev2: Int!) {\n    districts(ags: $ags) {\n      code\n      kitaNow: kitaPlaces(year: $to) {\n        year\n        placesTotal\n        placesU3\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n      kitaBefore: kitaPlaces(year: $prev) {\n        year\n        placesTotal\n      }\n      under3Now: cohort(ageFrom: 0, ageTo: 2, year: $prev) {\n        value\n        status\n        flags\n      }\n      age3to5Now: cohort(ageFrom: 3, ageTo: 5, year: $prev) {\n        value\n        status\n        flags\n      }\n      under3Before: cohort(ageFrom: 0, ageTo: 2, year: $prev2) {\n        value\n        status\n        flags\n      }\n      age3to5Before: cohort(ageFrom: 3, ageTo: 5, year: $prev2) {\n        value\n        status\n        flags\n      }\n    }\n  }\n':
    types.OverviewKitaDocument,
  '\n  query OverviewSocial($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      residents\n      eingliederungshilfe {\n        recipients {\n          value\n          status\n          flags\n        }\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n':
    types.OverviewSocialDocument,
  '\n  query OverviewLighting($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      streetLighting {\n        stichtag\n        lights\n        ledShare\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n':
    types.OverviewLightingDocument,
  '\n  query OverviewFreshness {\n    datasets {\n      id\n      title\n      ownerDepartment\n      stichtag\n      refreshCadence\n      freshness\n      stale\n    }\n  }\n':
    types.OverviewFreshnessDocument,
  '\n  query OverviewWarnDay {\n    dataset(id: "soc.daily_metric") {\n      stichtag\n    }\n  }\n': types.OverviewWarnDayDocument,
  '\n  query OverviewWarnGauge($ags: ID!, $day: Date!) {\n    municipality(ags: $ags) {\n      healthDay(day: $day) {\n        day\n        warnGauge {\n          day\n          value\n          level\n          label\n          color\n          trend7d\n          bands {\n            from\n            to\n            label\n            color\n          }\n          provenance {\n            ownerDepartment\n            stichtag\n            asOf\n          }\n        }\n      }\n    }\n  }\n':
    types.OverviewWarnGaugeDocument,
}

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query TypeFields($name: String!) {\n    __type(name: $name) {\n      name\n      fields {\n        name\n      }\n    }\n  }\n',
): (typeof documents)['\n  query TypeFields($name: String!) {\n    __type(name: $name) {\n      name\n      fields {\n        name\n      }\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OverviewPopulation($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      population {\n        value\n        status\n        flags\n      }\n    }\n    dataset(id: "pop.official_total") {\n      ownerDepartment\n      stichtag\n      asOf\n    }\n  }\n',
): (typeof documents)['\n  query OverviewPopulation($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      population {\n        value\n        status\n        flags\n      }\n    }\n    dataset(id: "pop.official_total") {\n      ownerDepartment\n      stichtag\n      asOf\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OverviewAsylum($from: Int!, $to: Int!, $prev: Int!) {\n    years(from: $from, to: $to) {\n      year\n      asylumCapacity {\n        day\n        capacity\n        occupied\n        free\n        aboveCapacity\n        occupancyRate {\n          value\n          status\n        }\n        arrivalsPerMonth\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n    thisYear: year(year: $to) {\n      allocations(grain: MONTH) {\n        period\n        count {\n          value\n          status\n          flags\n        }\n      }\n    }\n    lastYear: year(year: $prev) {\n      allocations(grain: MONTH) {\n        period\n        count {\n          value\n          status\n          flags\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OverviewAsylum($from: Int!, $to: Int!, $prev: Int!) {\n    years(from: $from, to: $to) {\n      year\n      asylumCapacity {\n        day\n        capacity\n        occupied\n        free\n        aboveCapacity\n        occupancyRate {\n          value\n          status\n        }\n        arrivalsPerMonth\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n    thisYear: year(year: $to) {\n      allocations(grain: MONTH) {\n        period\n        count {\n          value\n          status\n          flags\n        }\n      }\n    }\n    lastYear: year(year: $prev) {\n      allocations(grain: MONTH) {\n        period\n        count {\n          value\n          status\n          flags\n        }\n      }\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OverviewAsylumSufficiency($day: Date!) {\n    asylumCapacity(day: $day) {\n      day\n      sufficient\n      monthsOfHeadroom\n    }\n  }\n',
): (typeof documents)['\n  query OverviewAsylumSufficiency($day: Date!) {\n    asylumCapacity(day: $day) {\n      day\n      sufficient\n      monthsOfHeadroom\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OverviewFinance($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      ansatz: budget(version: ANSATZ) {\n        ordinaryResult {\n          amount\n          status\n        }\n        ordinaryExpense {\n          amount\n          status\n        }\n      }\n      ist: budget(version: IST) {\n        ordinaryResult {\n          amount\n          status\n        }\n        ordinaryExpense {\n          amount\n          status\n        }\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OverviewFinance($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      ansatz: budget(version: ANSATZ) {\n        ordinaryResult {\n          amount\n          status\n        }\n        ordinaryExpense {\n          amount\n          status\n        }\n      }\n      ist: budget(version: IST) {\n        ordinaryResult {\n          amount\n          status\n        }\n        ordinaryExpense {\n          amount\n          status\n        }\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OverviewKita($ags: ID!, $to: Int!, $prev: Int!, $prev2: Int!) {\n    districts(ags: $ags) {\n      code\n      kitaNow: kitaPlaces(year: $to) {\n        year\n        placesTotal\n        placesU3\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n      kitaBefore: kitaPlaces(year: $prev) {\n        year\n        placesTotal\n      }\n      under3Now: cohort(ageFrom: 0, ageTo: 2, year: $prev) {\n        value\n        status\n        flags\n      }\n      age3to5Now: cohort(ageFrom: 3, ageTo: 5, year: $prev) {\n        value\n        status\n        flags\n      }\n      under3Before: cohort(ageFrom: 0, ageTo: 2, year: $prev2) {\n        value\n        status\n        flags\n      }\n      age3to5Before: cohort(ageFrom: 3, ageTo: 5, year: $prev2) {\n        value\n        status\n        flags\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OverviewKita($ags: ID!, $to: Int!, $prev: Int!, $prev2: Int!) {\n    districts(ags: $ags) {\n      code\n      kitaNow: kitaPlaces(year: $to) {\n        year\n        placesTotal\n        placesU3\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n      kitaBefore: kitaPlaces(year: $prev) {\n        year\n        placesTotal\n      }\n      under3Now: cohort(ageFrom: 0, ageTo: 2, year: $prev) {\n        value\n        status\n        flags\n      }\n      age3to5Now: cohort(ageFrom: 3, ageTo: 5, year: $prev) {\n        value\n        status\n        flags\n      }\n      under3Before: cohort(ageFrom: 0, ageTo: 2, year: $prev2) {\n        value\n        status\n        flags\n      }\n      age3to5Before: cohort(ageFrom: 3, ageTo: 5, year: $prev2) {\n        value\n        status\n        flags\n      }\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OverviewSocial($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      residents\n      eingliederungshilfe {\n        recipients {\n          value\n          status\n          flags\n        }\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OverviewSocial($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      residents\n      eingliederungshilfe {\n        recipients {\n          value\n          status\n          flags\n        }\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OverviewLighting($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      streetLighting {\n        stichtag\n        lights\n        ledShare\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OverviewLighting($from: Int!, $to: Int!) {\n    years(from: $from, to: $to) {\n      year\n      streetLighting {\n        stichtag\n        lights\n        ledShare\n        provenance {\n          ownerDepartment\n          stichtag\n          asOf\n        }\n      }\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OverviewFreshness {\n    datasets {\n      id\n      title\n      ownerDepartment\n      stichtag\n      refreshCadence\n      freshness\n      stale\n    }\n  }\n',
): (typeof documents)['\n  query OverviewFreshness {\n    datasets {\n      id\n      title\n      ownerDepartment\n      stichtag\n      refreshCadence\n      freshness\n      stale\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OverviewWarnDay {\n    dataset(id: "soc.daily_metric") {\n      stichtag\n    }\n  }\n',
): (typeof documents)['\n  query OverviewWarnDay {\n    dataset(id: "soc.daily_metric") {\n      stichtag\n    }\n  }\n']
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(
  source: '\n  query OverviewWarnGauge($ags: ID!, $day: Date!) {\n    municipality(ags: $ags) {\n      healthDay(day: $day) {\n        day\n        warnGauge {\n          day\n          value\n          level\n          label\n          color\n          trend7d\n          bands {\n            from\n            to\n            label\n            color\n          }\n          provenance {\n            ownerDepartment\n            stichtag\n            asOf\n          }\n        }\n      }\n    }\n  }\n',
): (typeof documents)['\n  query OverviewWarnGauge($ags: ID!, $day: Date!) {\n    municipality(ags: $ags) {\n      healthDay(day: $day) {\n        day\n        warnGauge {\n          day\n          value\n          level\n          label\n          color\n          trend7d\n          bands {\n            from\n            to\n            label\n            color\n          }\n          provenance {\n            ownerDepartment\n            stichtag\n            asOf\n          }\n        }\n      }\n    }\n  }\n']

export function graphql(source: string) {
  return (documents as any)[source] ?? {}
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> =
  TDocumentNode extends DocumentNode<infer TType, any> ? TType : never
