// Übersicht: the tiles of the start page.
export default {
  title: 'Übersicht',
  lead: 'Die wichtigsten Kennzahlen der Stadt auf einen Blick – jede Kachel führt zu ihrem Bereich.',
}
