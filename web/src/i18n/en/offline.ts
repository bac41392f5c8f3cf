import type { Messages } from '../types'

export default {
  banner: 'offline – as of {time}',
  explanation: 'These are the figures last loaded. New ones appear as soon as there is a connection again.',
} satisfies Messages<'offline'>
