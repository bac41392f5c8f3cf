import { graphql } from '../../gql'

// Soziales & Gesundheit: the Eingliederungshilfe of the city per year, of every district in six years (one round
// trip), the benefit groups of a year, and the daily health series the Gesundheitsamt reports.

export const SocialYearsQuery = graphql(`
  query SocialYears($from: Int!, $to: Int!) {
    years(from: $from, to: $to) {
      year
      residents
      eingliederungshilfe {
        benefitGroup
        recipients {
          value
          status
          flags
        }
        cost {
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

/** Recipients and residents of every district in six consecutive years (y0 oldest). */
export const SocialDistrictsQuery = graphql(`
  query SocialDistricts($y0: Int!, $y1: Int!, $y2: Int!, $y3: Int!, $y4: Int!, $y5: Int!) {
    districts {
      code
      name
      e0: eingliederungshilfeRecipients(year: $y0) {
        value
        status
        flags
      }
      e1: eingliederungshilfeRecipients(year: $y1) {
        value
        status
        flags
      }
      e2: eingliederungshilfeRecipients(year: $y2) {
        value
        status
        flags
      }
      e3: eingliederungshilfeRecipients(year: $y3) {
        value
        status
        flags
      }
      e4: eingliederungshilfeRecipients(year: $y4) {
        value
        status
        flags
      }
      e5: eingliederungshilfeRecipients(year: $y5) {
        value
        status
        flags
      }
      p0: population(year: $y0) {
        total {
          value
          status
        }
      }
      p1: population(year: $y1) {
        total {
          value
          status
        }
      }
      p2: population(year: $y2) {
        total {
          value
          status
        }
      }
      p3: population(year: $y3) {
        total {
          value
          status
        }
      }
      p4: population(year: $y4) {
        total {
          value
          status
        }
      }
      p5: population(year: $y5) {
        total {
          value
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

/** Cost per recipient of each benefit group: internal; sent only when the role sees it. */
export const SocialCostPerRecipientQuery = graphql(`
  query SocialCostPerRecipient($year: Int!) {
    year(year: $year) {
      year
      eingliederungshilfe {
        benefitGroup
        costPerRecipient {
          amount
          status
        }
      }
    }
  }
`)

export const SocialDailyQuery = graphql(`
  query SocialDaily($ags: ID!, $from: Date!, $to: Date!, $metric: DailyMetric!) {
    municipality(ags: $ags) {
      ags
      name
      dailySeries(from: $from, to: $to, metric: $metric) {
        day
        value
      }
    }
  }
`)

/** The day of the latest health figures (the series ends there). */
export const SocialHealthDatasetQuery = graphql(`
  query SocialHealthDataset {
    dataset(id: "soc.daily_metric") {
      ownerDepartment
      stichtag
      asOf
    }
  }
`)
