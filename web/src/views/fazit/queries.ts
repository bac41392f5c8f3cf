import { graphql } from '../../gql'

// FAZIT: the budget as the finance department publishes it. Every role gets plan and result; the in-year forecast
// (Prognose) exists only in the schema of roles allowed to see it (committee, leadership), so it is a query of its
// own, sent only when PlanActual.prognose is visible. The largest deviations are those among the Produktbereiche for
// the whole budget, and among the chosen area's parts (its children: a Produktbereich's Produktgruppen, …) for an area.

export const FazitQuery = graphql(`
  query Fazit($from: Int!, $to: Int!, $year: Int!, $area: ID!, $hasArea: Boolean!, $ags: ID!) {
    years(from: $from, to: $to) {
      year
      residents
      ansatz: budget(version: ANSATZ) {
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
      nachtrag: budget(version: NACHTRAG) {
        ordinaryExpense {
          amount
          status
        }
      }
      ist: budget(version: IST) {
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
      expensePerCapita(version: IST) {
        amount
        status
      }
    }
    area: product(code: $area) @include(if: $hasArea) {
      code
      name
      level
      deviations: children {
        code
        name
        comparison(year: $year) {
          ansatz {
            amount
            status
          }
          nachtrag {
            amount
            status
          }
          ist {
            amount
            status
          }
          deviation {
            amount
            status
          }
          deviationPct
          provenance {
            ownerDepartment
            stichtag
            asOf
          }
        }
      }
      ansatz: series(from: $from, to: $to, version: ANSATZ) {
        year
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
      nachtrag: series(from: $from, to: $to, version: NACHTRAG) {
        year
        ordinaryExpense {
          amount
          status
        }
      }
      ist: series(from: $from, to: $to, version: IST) {
        year
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
    areas: products(level: 1) {
      code
      name
      children {
        code
        name
      }
    }
    deviations: products(level: 2) @skip(if: $hasArea) {
      code
      name
      comparison(year: $year) {
        ansatz {
          amount
          status
        }
        nachtrag {
          amount
          status
        }
        ist {
          amount
          status
        }
        deviation {
          amount
          status
        }
        deviationPct
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
      residents
      investmentPerCapita(from: $year, to: $year) {
        amount
        status
      }
      investments(from: $year, to: $year) {
        id
        values(from: $year, to: $year) {
          year
          ansatz {
            amount
            status
          }
          ist {
            amount
            status
          }
        }
      }
      provenance {
        ownerDepartment
        stichtag
        asOf
      }
    }
    investmentsDataset: dataset(id: "fin.investments") {
      ownerDepartment
      stichtag
      asOf
    }
  }
`)

/** The in-year forecast (Prognose): for roles whose schema has PlanActual.prognose. */
export const FazitForecastQuery = graphql(`
  query FazitForecast($from: Int!, $to: Int!, $year: Int!, $area: ID!, $hasArea: Boolean!) {
    years(from: $from, to: $to) {
      year
      prognose: budget(version: PROGNOSE) {
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
      prognosePerCapita: expensePerCapita(version: PROGNOSE) {
        amount
        status
      }
    }
    area: product(code: $area) @include(if: $hasArea) {
      code
      prognose: series(from: $from, to: $to, version: PROGNOSE) {
        year
        ordinaryExpense {
          amount
          status
        }
      }
      deviations: children {
        code
        comparison(year: $year) {
          prognose {
            amount
            status
          }
        }
      }
    }
    deviations: products(level: 2) @skip(if: $hasArea) {
      code
      comparison(year: $year) {
        prognose {
          amount
          status
        }
      }
    }
  }
`)
