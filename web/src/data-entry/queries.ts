import { graphql } from '../gql'

/** Cadence and freshness of the datasets (the catalog's view of them). */
export const DataEntryCatalogQuery = graphql(`
  query DataEntryCatalog {
    datasets {
      id
      title
      refreshCadence
      stichtag
      asOf
      nextUpdateDue
      freshness
      stale
    }
  }
`)
