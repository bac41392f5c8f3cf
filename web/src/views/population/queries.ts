import { graphql } from '../../gql'

// Bevölkerung & Integration: the city over the years and the districts in the chosen year (one round trip), then the
// chosen district's (or every district's, for the city) published age bands, nationality groups and movements.
// Only published bands are asked for: a free age range is not published for public and committee.

export const PopulationOverviewQuery = graphql(`
  query PopulationOverview($year: Int!, $from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      population {
        value
        status
        flags
      }
      movements {
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
        inMoves {
          value
          status
          flags
        }
        outMoves {
          value
          status
          flags
        }
        naturalBalance {
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
    }
    districts {
      code
      name
      population(year: $year) {
        stichtag
        total {
          value
          status
          flags
        }
        foreigners {
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
    }
    officialDataset: dataset(id: "pop.official_total") {
      ownerDepartment
      stichtag
      asOf
    }
  }
`)

/** The city: every district's age bands (summed on screen) and the city's movements of the year. */
export const PopulationCityDetailQuery = graphql(`
  query PopulationCityDetail($year: Int!, $scheme: PopulationAgeScheme!) {
    districts {
      code
      population(year: $year) {
        byAgeGroup(scheme: $scheme) {
          group {
            from
            to
            label
          }
          count {
            value
            status
            flags
          }
        }
        bySex {
          sex
          count {
            value
            status
            flags
          }
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

/** One district: its age bands, nationality groups, sexes and movements of the year. */
export const PopulationDistrictDetailQuery = graphql(`
  query PopulationDistrictDetail($code: ID!, $year: Int!, $scheme: PopulationAgeScheme!) {
    district(code: $code) {
      code
      name
      population(year: $year) {
        byAgeGroup(scheme: $scheme) {
          group {
            from
            to
            label
          }
          count {
            value
            status
            flags
          }
        }
        bySex {
          sex
          count {
            value
            status
            flags
          }
        }
        byNationality(top: 10) {
          group
          country {
            nameDe
          }
          count {
            value
            status
            flags
          }
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
        inMoves {
          value
          status
          flags
        }
        outMoves {
          value
          status
          flags
        }
        naturalBalance {
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
    }
  }
`)
