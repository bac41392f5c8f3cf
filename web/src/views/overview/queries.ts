import { graphql } from '../../gql'

// One operation per tile: each role sees its own schema, so a tile whose fields a role may not see fails alone
// (and is left out), and a slow or unavailable department holds up only its own tile. Every tile asks for the last
// years and takes the latest that has data.

export const OverviewPopulationQuery = graphql(`
  query OverviewPopulation($from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      population {
        value
        status
        flags
      }
    }
    dataset(id: "pop.official_total") {
      ownerDepartment
      stichtag
      asOf
    }
  }
`)

export const OverviewAsylumQuery = graphql(`
  query OverviewAsylum($from: Int!, $to: Int!, $prev: Int!) {
    years(from: $from, to: $to) {
      year
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
          ownerDepartment
          stichtag
          asOf
        }
      }
    }
    thisYear: year(year: $to) {
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
      allocations(grain: MONTH) {
        period
        count {
          value
          status
          flags
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

export const OverviewFinanceQuery = graphql(`
  query OverviewFinance($from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
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
          ownerDepartment
          stichtag
          asOf
        }
      }
    }
  }
`)

/** Kita places on 1 March of the year against the children under six at 31.12. of the year before. */
export const OverviewKitaQuery = graphql(`
  query OverviewKita($ags: ID!, $to: Int!, $prev: Int!, $prev2: Int!) {
    districts(ags: $ags) {
      code
      kitaNow: kitaPlaces(year: $to) {
        year
        placesTotal
        placesU3
        provenance {
          ownerDepartment
          stichtag
          asOf
        }
      }
      kitaBefore: kitaPlaces(year: $prev) {
        year
        placesTotal
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
  }
`)

export const OverviewSocialQuery = graphql(`
  query OverviewSocial($from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      residents
      eingliederungshilfe {
        recipients {
          value
          status
          flags
        }
        provenance {
          ownerDepartment
          stichtag
          asOf
        }
      }
    }
  }
`)

export const OverviewLightingQuery = graphql(`
  query OverviewLighting($from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      streetLighting {
        stichtag
        lights
        ledShare
        provenance {
          ownerDepartment
          stichtag
          asOf
        }
      }
    }
  }
`)

/** The catalogue's datasets the caller may see, with their freshness against the refresh cadence. */
export const OverviewFreshnessQuery = graphql(`
  query OverviewFreshness {
    datasets {
      id
      title
      ownerDepartment
      stichtag
      refreshCadence
      freshness
      stale
    }
  }
`)

/** The day of the latest health figures (the warning gauge shows that day). */
export const OverviewWarnDayQuery = graphql(`
  query OverviewWarnDay {
    dataset(id: "soc.daily_metric") {
      stichtag
    }
  }
`)

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
          bands {
            from
            to
            label
            color
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
