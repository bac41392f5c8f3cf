import { Route, Switch } from 'wouter'
import DatasetPage from './DatasetPage'
import MyDatasets from './MyDatasets'
import NotFoundView from '../views/not-found/NotFoundView'
import './data-entry.css'

/** The data-entry screens (nested under /dateneingabe; loaded only for staff, see ./Gate.tsx). */
export default function DataEntryApp() {
  return (
    <Switch>
      <Route path="/" component={MyDatasets} />
      <Route path="/:department/:dataset">{params => <DatasetPage department={params.department} name={params.dataset} />}</Route>
      <Route component={NotFoundView} />
    </Switch>
  )
}
