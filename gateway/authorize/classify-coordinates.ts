import { CLASS_RANK, CLASSES, type SensitivityClass } from '../../auth/classes.js'
import { classOfCoordinate, type FieldOwners } from '../../auth/policy/requirements.js'
import type { Requirements } from '../../auth/policy/types.js'

/**
 * The class of a grant's coordinate in the served supergraph: `Type.field` as classified, `Type.*`
 * as its most sensitive field; undefined for coordinates the graph does not have (the store then
 * refuses the grant as INVALID_POLICY).
 */
export function createCoordinateClassifier(current: () => { requirements: Requirements; owners: FieldOwners }) {
  return (coordinate: string): SensitivityClass | undefined => {
    const { requirements, owners } = current()
    const [type, field] = coordinate.split('.')
    if (field !== '*') return owners.has(coordinate) ? classOfCoordinate(coordinate, requirements, owners) : undefined
    let rank = -1
    for (const key of owners.keys()) {
      if (key.startsWith(`${type}.`)) rank = Math.max(rank, CLASS_RANK[classOfCoordinate(key, requirements, owners)])
    }
    return rank < 0 ? undefined : CLASSES[rank]
  }
}
