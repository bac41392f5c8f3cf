import { graphql } from '../../gql'

// ASYLCUBE in three round trips: the year's allocations by route and the capacity status (everyone), the
// accommodations' month-end figures and the "Reichen die Plätze?" verdict (sent only when the role sees them).

export const AsylumYearQuery = graphql(`
  query AsylumYear($year: Int!, $from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      asylumCapacity {
        day
        capacity
        occupied
      }
    }
    year(year: $year) {
      year
      asylumCapacity {
        day
        capacity
        occupied
        free
        aboveCapacity
        arrivalsPerMonth
        occupancyRate {
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
      total: allocations(grain: MONTH) {
        period
        count {
          value
          status
          flags
        }
        byOrigin(top: 3) {
          country {
            code
            nameDe
          }
          count {
            value
            status
            flags
          }
        }
      }
      zuweisung: allocations(grain: MONTH, route: [ZUWEISUNG]) {
        period
        count {
          value
          status
          flags
        }
      }
      ukraine: allocations(grain: MONTH, route: [UKRAINE_24]) {
        period
        count {
          value
          status
          flags
        }
      }
      familie: allocations(grain: MONTH, route: [FAMILIENNACHZUG]) {
        period
        count {
          value
          status
          flags
        }
      }
      sonstige: allocations(grain: MONTH, route: [SONSTIGE]) {
        period
        count {
          value
          status
          flags
        }
      }
    }
    allocationDataset: dataset(id: "asy.allocation") {
      ownerDepartment
      stichtag
      asOf
    }
    accommodationDataset: dataset(id: "asy.accommodation") {
      ownerDepartment
      stichtag
      asOf
    }
  }
`)

/** Accommodations open on the day (capacity is public; the month-end occupancy per house is not). */
export const AsylumAccommodationsQuery = graphql(`
  query AsylumAccommodations($day: Date!) {
    accommodations(activeOn: $day) {
      id
      name
      kind
      capacity
      district {
        code
        name
      }
    }
  }
`)

export const AsylumOccupancyQuery = graphql(`
  query AsylumOccupancy($day: Date!) {
    accommodations(activeOn: $day) {
      id
      occupancy(day: $day) {
        day
        capacity
        free
        aboveCapacity
        occupied {
          value
          status
          flags
        }
        rate {
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

/** "Reichen die Plätze?": internal to the asylum department and the city's leadership; sent only when visible. */
export const AsylumVerdictQuery = graphql(`
  query AsylumVerdict($day: Date!) {
    asylumCapacity(day: $day) {
      day
      sufficient
      monthsOfHeadroom
      free
      arrivalsPerMonth
    }
  }
`)
