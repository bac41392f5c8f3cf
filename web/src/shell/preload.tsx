import type { ComponentType } from 'react'
import { routes, type ViewRoute } from '../routes'

// The view the app opens on is loaded while sign-in settles (main.tsx). Once its chunk is here it is rendered as a
// plain component: a lazy one would suspend on its first render even with the chunk loaded, and React holds a
// revealed Suspense boundary back for its fallback throttle (some 300 ms) before the view mounts and asks the graph.

const loaded = new Map<string, ComponentType>()

/** Starts loading the chunk of the view at `pathname` (if it is one). */
export function preloadView(pathname: string): void {
  const route = routes.find(r => r.path === pathname)
  void route
    ?.load()
    .then(m => void loaded.set(route.path, (m as { default: ComponentType }).default))
    .catch(() => undefined)
}

/** The component to route to `route`: decided on its first render, the preloaded one when it has arrived by then. */
export function viewComponent(route: ViewRoute): ComponentType {
  let chosen: ComponentType | null = null
  return function RouteView() {
    chosen ??= loaded.get(route.path) ?? route.component
    const View = chosen
    return <View />
  }
}
