import { graphql } from '../../gql'

// Warnmelder: the gauge of one day under the rule set in force, why it stands where it stands (each lead indicator's
// value and level, the consecutive-day rule), the 28 days up to it and the rule sets as the catalog declares them.

/** The rule sets with their bands and the day of the latest health figures. */
export const WarningMetaQuery = graphql(`
  query WarningMeta {
    healthDataset: dataset(id: "soc.daily_metric") {
      id
      title
      ownerDepartment
      stichtag
      asOf
      temporalStart
    }
    indicatorDataset: dataset(id: "cat.indicator") {
      id
      ownerDepartment
      stichtag
      asOf
    }
    warnRuleSets {
      id
      title
      validFrom
      validTo
      quorum
      confirmDays
      confirmFromLevel
      countedWeekdays
      effectiveAfterDays
      indicators {
        primary
        indicator {
          id
          title
          unit
          description
        }
        bands {
          level
          from
          to
          fromInclusive
          label
          color
        }
      }
    }
  }
`)

/** The gauge of one day with its readings and the 14 days the consecutive-day rule looks at. */
export const WarningDayQuery = graphql(`
  query WarningDay($ags: ID!, $day: Date!) {
    municipality(ags: $ags) {
      ags
      name
      healthDay(day: $day) {
        day
        incidence7
        hospitalization7
        icuShare
        provenance {
          ownerDepartment
          stichtag
          asOf
        }
        warnGauge {
          day
          value
          level
          readingLevel
          label
          color
          trend7d
          daysAboveThreshold
          ruleSet
          bands {
            level
            from
            to
            fromInclusive
            label
            color
          }
          readings {
            indicator {
              id
              title
              unit
            }
            value
            level
          }
          provenance {
            ownerDepartment
            stichtag
            asOf
          }
        }
      }
    }
  }
`)

/** The 28 days up to the chosen one (d27 is the day itself): values and the level in force on each. */
export const WarningHistoryQuery = graphql(`
  query WarningHistory(
    $ags: ID!
    $d0: Date!
    $d1: Date!
    $d2: Date!
    $d3: Date!
    $d4: Date!
    $d5: Date!
    $d6: Date!
    $d7: Date!
    $d8: Date!
    $d9: Date!
    $d10: Date!
    $d11: Date!
    $d12: Date!
    $d13: Date!
    $d14: Date!
    $d15: Date!
    $d16: Date!
    $d17: Date!
    $d18: Date!
    $d19: Date!
    $d20: Date!
    $d21: Date!
    $d22: Date!
    $d23: Date!
    $d24: Date!
    $d25: Date!
    $d26: Date!
    $d27: Date!
  ) {
    municipality(ags: $ags) {
      ags
      d0: healthDay(day: $d0) {
        ...WarnHistoryDay
      }
      d1: healthDay(day: $d1) {
        ...WarnHistoryDay
      }
      d2: healthDay(day: $d2) {
        ...WarnHistoryDay
      }
      d3: healthDay(day: $d3) {
        ...WarnHistoryDay
      }
      d4: healthDay(day: $d4) {
        ...WarnHistoryDay
      }
      d5: healthDay(day: $d5) {
        ...WarnHistoryDay
      }
      d6: healthDay(day: $d6) {
        ...WarnHistoryDay
      }
      d7: healthDay(day: $d7) {
        ...WarnHistoryDay
      }
      d8: healthDay(day: $d8) {
        ...WarnHistoryDay
      }
      d9: healthDay(day: $d9) {
        ...WarnHistoryDay
      }
      d10: healthDay(day: $d10) {
        ...WarnHistoryDay
      }
      d11: healthDay(day: $d11) {
        ...WarnHistoryDay
      }
      d12: healthDay(day: $d12) {
        ...WarnHistoryDay
      }
      d13: healthDay(day: $d13) {
        ...WarnHistoryDay
      }
      d14: healthDay(day: $d14) {
        ...WarnHistoryDay
      }
      d15: healthDay(day: $d15) {
        ...WarnHistoryDay
      }
      d16: healthDay(day: $d16) {
        ...WarnHistoryDay
      }
      d17: healthDay(day: $d17) {
        ...WarnHistoryDay
      }
      d18: healthDay(day: $d18) {
        ...WarnHistoryDay
      }
      d19: healthDay(day: $d19) {
        ...WarnHistoryDay
      }
      d20: healthDay(day: $d20) {
        ...WarnHistoryDay
      }
      d21: healthDay(day: $d21) {
        ...WarnHistoryDay
      }
      d22: healthDay(day: $d22) {
        ...WarnHistoryDay
      }
      d23: healthDay(day: $d23) {
        ...WarnHistoryDay
      }
      d24: healthDay(day: $d24) {
        ...WarnHistoryDay
      }
      d25: healthDay(day: $d25) {
        ...WarnHistoryDay
      }
      d26: healthDay(day: $d26) {
        ...WarnHistoryDay
      }
      d27: healthDay(day: $d27) {
        ...WarnHistoryDay
      }
    }
  }

  fragment WarnHistoryDay on HealthDay {
    day
    incidence7
    hospitalization7
    icuShare
    warnGauge {
      day
      level
      readingLevel
      label
      color
      value
    }
  }
`)

export const HISTORY_DAYS = 28
