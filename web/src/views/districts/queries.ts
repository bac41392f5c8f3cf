import { graphql } from '../../gql'

// Stadtteile: every district's figures of one year from all departments in one round trip (profile, comparison and
// tile map read the same answer). Accommodation capacity per district is internal to the asylum department and the
// city's leadership: sent only when the caller's schema has it.

export const DistrictsFiguresQuery = graphql(`
  query DistrictsFigures($ags: ID!, $year: Int!, $cohortYear: Int!, $investFrom: Int!, $day: Date!) {
    districts(ags: $ags) {
      code
      name
      kind
      hasOrtsbeirat
      areaKm2
      postalCodes
      centroid {
        lat
        lon
      }
      provenance {
        ownerDepartment
        stichtag
        asOf
      }
      population(year: $year) {
        stichtag
        total {
          value
          status
          flags
        }
        foreignerShare {
          value
          status
          flags
        }
        meanAge {
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
      movements(year: $year) {
        births {
          value
          status
          flags
        }
        deaths {
          value
          status
          flags
        }
        netMigration {
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
      kitaPlaces(year: $year) {
        year
        kitas
        placesTotal
        placesU3
        provenance {
          ownerDepartment
          stichtag
          asOf
        }
      }
      under3: cohort(ageFrom: 0, ageTo: 2, year: $cohortYear) {
        value
        status
        flags
      }
      age3to5: cohort(ageFrom: 3, ageTo: 5, year: $cohortYear) {
        value
        status
        flags
      }
      schools {
        id
        type
      }
      eingliederungshilfeRecipients(year: $year) {
        value
        status
        flags
      }
      streetLighting(year: $year) {
        stichtag
        lights
        ledLights
        ledShare
        energyKwh
        provenance {
          ownerDepartment
          stichtag
          asOf
        }
      }
      investmentPerCapita(from: $investFrom, to: $year) {
        amount
        status
      }
      investments(from: $investFrom, to: $year) {
        id
      }
      accommodations(activeOn: $day) {
        id
        capacity
      }
    }
    socialDataset: dataset(id: "soc.egh_statistics") {
      ownerDepartment
      stichtag
      asOf
    }
    investmentDataset: dataset(id: "fin.investments") {
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

/** Occupancy of each district's accommodations (asylum department and leadership only). */
export const DistrictsAsylumQuery = graphql(`
  query DistrictsAsylum($ags: ID!, $day: Date!) {
    districts(ags: $ags) {
      code
      asylumCapacity(day: $day) {
        day
        capacity
        occupied
        free
        provenance {
          ownerDepartment
          stichtag
          asOf
        }
      }
    }
  }
`)
