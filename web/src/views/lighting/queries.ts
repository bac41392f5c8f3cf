import { graphql } from '../../gql'

// Straßenbeleuchtung: LED conversion over the years, energy per month (city or one district) and the investment
// measures that paid for the conversion, in one round trip.

export const LightingQuery = graphql(`
  query Lighting($from: Int!, $to: Int!, $year: Int!, $district: ID!, $hasDistrict: Boolean!, $ags: ID!) {
    years(from: $from, to: $to) {
      year
      streetLighting {
        stichtag
        lights
        ledLights
        ledShare
        convertedInYear
        energyKwh
        months
        energyCost {
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
    city: year(year: $year) @skip(if: $hasDistrict) {
      year
      streetLighting {
        stichtag
        lights
        ledLights
        ledShare
        energyKwh
        months
        monthly {
          month
          energyKwh
          lights
          ledLights
        }
        provenance {
          ownerDepartment
          stichtag
          asOf
        }
      }
    }
    district(ags: $ags, code: $district) @include(if: $hasDistrict) {
      code
      name
      streetLighting(year: $year) {
        stichtag
        lights
        ledLights
        ledShare
        energyKwh
        months
        monthly {
          month
          energyKwh
          lights
          ledLights
        }
        provenance {
          ownerDepartment
          stichtag
          asOf
        }
      }
    }
    districts(ags: $ags) {
      code
      name
      streetLighting(year: $year) {
        lights
        ledLights
        ledShare
        provenance {
          ownerDepartment
          stichtag
          asOf
        }
      }
    }
    investmentMeasures(category: "LED") {
      id
      name
      status
      startYear
      endYear
      totalCost {
        amount
        status
      }
      fundingShare
      fundingSource
      convertedLights
      estimatedSavingKwh
      district {
        code
        name
      }
    }
    measuresDataset: dataset(id: "fin.investments") {
      ownerDepartment
      stichtag
      asOf
    }
  }
`)
