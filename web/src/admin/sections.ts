import type { ComponentType } from 'react'
import type { MessageKey } from '../i18n'

// The console's sections, one line each (each lazily loaded, under /verwaltung/<path>). A section is registered
// once it is built; the layout's navigation and the start page list the registered ones in this order.

export interface AdminSection {
  id: string
  path: `/verwaltung/${string}`
  titleKey: MessageKey
  load: () => Promise<{ default: ComponentType }>
}

export const sections: AdminSection[] = [
  // Rollen und Berechtigungen
  { id: 'rollen', path: '/verwaltung/rollen', titleKey: 'admin.rollen.title', load: () => import('./rollen/RollenSection') },
  { id: 'matrix', path: '/verwaltung/matrix', titleKey: 'admin.matrix.title', load: () => import('./matrix/MatrixSection') },

  // Einsicht: Warum?, Zeilenregeln, Replikate, Effektives Schema
  { id: 'warum', path: '/verwaltung/warum', titleKey: 'admin.warum.title', load: () => import('./warum/WarumSection') },
  {
    id: 'zeilenregeln',
    path: '/verwaltung/zeilenregeln',
    titleKey: 'admin.rowRules.title',
    load: () => import('./row-rules/RowRulesSection'),
  },
  { id: 'replikate', path: '/verwaltung/replikate', titleKey: 'admin.replicas.title', load: () => import('./replicas/ReplicasSection') },
  { id: 'schema', path: '/verwaltung/schema', titleKey: 'admin.schema.title', load: () => import('./schema/SchemaSection') },

  // Freigaben, Protokoll, Import/Export
  { id: 'approvals', path: '/verwaltung/freigaben', titleKey: 'admin.approvals.title', load: () => import('./approvals/ApprovalsSection') },
  { id: 'audit', path: '/verwaltung/protokoll', titleKey: 'admin.audit.title', load: () => import('./audit/AuditSection') },
  { id: 'transfer', path: '/verwaltung/import-export', titleKey: 'admin.transfer.title', load: () => import('./transfer/TransferSection') },
]

export const sectionAt = (path: string): AdminSection | undefined => sections.find(s => s.path === path)
