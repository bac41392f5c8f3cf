import { graphql } from '../../gql'

// Bildung: Kita places against the children living in each district, admissions into grade 5 and the leavers by
// qualification. Statistical counts come as the graph gives them to the caller's role (public and committee get
// perturbed counts, small cells SECRET).

/** Where the education figures stand: the years with data follow from the datasets' Stichtage. */
export const EducationDatasetsQuery = graphql(`
  query EducationDatasets {
    kita: dataset(id: "edu.kita") {
      ...EducationDataset
    }
    transitions: dataset(id: "edu.transitions") {
      ...EducationDataset
    }
    graduates: dataset(id: "edu.graduates") {
      ...EducationDataset
    }
    pupils: dataset(id: "edu.pupils") {
      ...EducationDataset
    }
    population: dataset(id: "pop.stock") {
      ...EducationDataset
    }
  }

  fragment EducationDataset on Dataset {
    id
    ownerDepartment
    stichtag
    asOf
  }
`)

export const EducationFiguresQuery = graphql(`
  query EducationFigures($ags: ID!, $year: Int!, $cohortYear: Int!, $from: Int!, $to: Int!) {
    districts(ags: $ags) {
      code
      name
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
    }
    year(year: $year) {
      year
      transitions {
        residence
        toSchoolType
        applications {
          value
          status
          flags
        }
        admissions {
          value
          status
          flags
        }
      }
    }
    years(from: $from, to: $to) {
      year
      firstGraders {
        value
        status
        flags
      }
      graduates {
        qualification
        count {
          value
          status
          flags
        }
      }
    }
  }
`)
