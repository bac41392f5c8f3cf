import { PUBLISHER, type DatasetView } from './loaders.js'

/** Where the catalog's datasets are identified and served (the gateway's GraphQL endpoint is the access URL). */
export interface DcatOptions {
  baseUri: string
  accessUrl: string
}

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatde: 'http://dcat-ap.de/def/dcatde/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
}

const iri = (id: string | null) => (id ? { '@id': id } : undefined)
const typed = (value: string | null, type: string) => (value ? { '@value': value, '@type': type } : undefined)
const organization = (name: string) => ({ '@type': 'foaf:Organization', 'foaf:name': name })

/**
 * A DCAT-AP.de catalogue (JSON-LD) of the open datasets among `datasets`: the mandatory title,
 * description and publisher, the recommended keywords, themes, contact point, political geocoding,
 * temporal coverage, and a distribution with its licence (docs/data-model.md#provenance-and-freshness).
 */
export function toDcatJsonLd(datasets: readonly DatasetView[], opts: DcatOptions): Record<string, unknown> {
  const base = opts.baseUri.endsWith('/') ? opts.baseUri : `${opts.baseUri}/`
  return {
    '@context': CONTEXT,
    '@id': `${base}catalog`,
    '@type': 'dcat:Catalog',
    'dct:title': `Datenkatalog der ${PUBLISHER}`,
    'dct:description': 'Datensätze der Fachbereiche mit Eigentümer, Stichtag, Aktualität und Lizenz.',
    'dct:publisher': organization(PUBLISHER),
    // Through JSON once: properties a dataset has no value for (undefined) are left out, as JSON-LD expects.
    'dcat:dataset': datasets
      .filter(d => d.openData)
      .map(d =>
        JSON.parse(
          JSON.stringify({
            '@id': `${base}dataset/${encodeURIComponent(d.id)}`,
            '@type': 'dcat:Dataset',
            'dct:identifier': d.id,
            'dct:title': d.title,
            'dct:description': d.description,
            'dct:publisher': organization(d.publisher),
            'dcatde:maintainer': organization(d.ownerDepartment),
            'dcat:contactPoint': d.contactPoint
              ? {
                  '@type': 'vcard:Organization',
                  'vcard:fn': d.contactPoint.name,
                  ...(d.contactPoint.email ? { 'vcard:hasEmail': iri(`mailto:${d.contactPoint.email}`) } : {}),
                }
              : undefined,
            'dcat:theme': d.themes.map(t => iri(t.uri)),
            'dcat:keyword': d.keywords,
            'dcatde:politicalGeocodingLevelURI': iri(d.politicalGeocodingLevelURI),
            'dcatde:politicalGeocodingURI': iri(d.politicalGeocodingURI),
            'dct:accrualPeriodicity': iri(d.accrualPeriodicity),
            'dct:temporal':
              d.temporalStart || d.temporalEnd
                ? {
                    '@type': 'dct:PeriodOfTime',
                    'dcat:startDate': typed(d.temporalStart, 'xsd:date'),
                    'dcat:endDate': typed(d.temporalEnd, 'xsd:date'),
                  }
                : undefined,
            'dct:modified': typed(d.asOf.toISOString(), 'xsd:dateTime'),
            'dcat:distribution': [
              {
                '@type': 'dcat:Distribution',
                'dct:title': `${d.title} (GraphQL)`,
                'dcat:accessURL': iri(opts.accessUrl),
                'dct:license': iri(d.license),
              },
            ],
          }),
        ),
      ),
  }
}
