import { graphql } from '../../gql'

// The overview in one round trip: every tile's figures for the last years (each tile takes the latest year that has
// data), the catalogue's stale datasets and the day of the latest health figures. The gateway answers what the
// departments that are up give; a department that is down is named in an error and its tiles say so.

export const OverviewFiguresQuery = graphql(`
  query OverviewFigures($from: Int!, $to: Int!, $prev: Int!, $prev2: Int!, $ags: ID!) {
    years(from: $from, to: $to) {
      year
      population {
        value
        status
        flags
      }
      residents
      asylumCapacity {
        day
        capacity
        occupied
        free
        aboveCapacity
        occupancyRate {
          value
          status
        }
        arrivalsPerMonth
        provenance {
          ...OverviewSource
        }
      }
      ansatz: budget(version: ANSATZ) {
        ordinaryResult {
          amount
          status
        }
        ordinaryExpense {
          amount
          status
        }
      }
      ist: budget(version: IST) {
        ordinaryResult {
          amount
          status
        }
        ordinaryExpense {
          amount
          status
        }
        provenance {
          ...OverviewSource
        }
      }
      streetLighting {
        stichtag
        lights
        ledLights
        ledShare
        provenance {
          ...OverviewSource
        }
      }
      eingliederungshilfe {
        recipients {
          value
          status
          flags
        }
        provenance {
          ...OverviewSource
        }
      }
    }
    thisYear: year(year: $to) {
      year
      allocations(grain: MONTH) {
        period
        count {
          value
          status
          flags
        }
      }
    }
    lastYear: year(year: $prev) {
      year
      allocations(grain: MONTH) {
        period
        count {
          value
          status
          flags
        }
      }
    }
    districts(ags: $ags) {
      code
      kitaNow: kitaPlaces(year: $to) {
        year
        placesTotal
        placesU3
        provenance {
          ...OverviewSource
        }
      }
      kitaBefore: kitaPlaces(year: $prev) {
        year
        placesTotal
        placesU3
      }
      under3Now: cohort(ageFrom: 0, ageTo: 2, year: $prev) {
        value
        status
        flags
      }
      age3to5Now: cohort(ageFrom: 3, ageTo: 5, year: $prev) {
        value
        status
        flags
      }
      under3Before: cohort(ageFrom: 0, ageTo: 2, year: $prev2) {
        value
        status
        flags
      }
      age3to5Before: cohort(ageFrom: 3, ageTo: 5, year: $prev2) {
        value
        status
        flags
      }
    }
    populationDataset: dataset(id: "pop.official_total") {
      ...OverviewDataset
    }
    healthDataset: dataset(id: "soc.daily_metric") {
      ...OverviewDataset
    }
    datasets {
      ...OverviewDataset
    }
  }

  fragment OverviewSource on Provenance {
    ownerDepartment
    stichtag
    asOf
  }

  fragment OverviewDataset on Dataset {
    id
    title
    department
    ownerDepartment
    stichtag
    asOf
    refreshCadence
    freshness
    stale
    nextUpdateDue
  }
`)

/** The warning gauge on the day of the latest health figures. */
export const OverviewWarnGaugeQuery = graphql(`
  query OverviewWarnGauge($ags: ID!, $day: Date!) {
    municipality(ags: $ags) {
      healthDay(day: $day) {
        day
        warnGauge {
          day
          value
          level
          label
          color
          trend7d
          daysAboveThreshold
          bands {
            level
            from
            to
            label
            color
          }
          readings {
            indicator {
              id
              title
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

/** "Reichen die Plätze?": internal to the asylum department and the city's leadership; sent only when visible. */
export const OverviewAsylumSufficiencyQuery = graphql(`
  query OverviewAsylumSufficiency($day: Date!) {
    asylumCapacity(day: $day) {
      day
      sufficient
      monthsOfHeadroom
    }
  }
`)
