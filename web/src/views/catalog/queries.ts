import { graphql } from '../../gql'

/** Every dataset the caller may see (callers without internal access: the open ones), with its catalogue entry. */
export const CatalogQuery = graphql(`
  query Catalog {
    datasets {
      id
      title
      description
      department
      ownerDepartment
      publisher
      stichtag
      asOf
      refreshCadence
      freshness
      stale
      nextUpdateDue
      license
      openData
      temporalStart
      temporalEnd
      contactPoint {
        name
        email
      }
    }
  }
`)

/** The open datasets as one DCAT-AP.de JSON-LD document (what open-data portals harvest). */
export const DcatQuery = graphql(`
  query CatalogDcat {
    dcatCatalog
  }
`)
