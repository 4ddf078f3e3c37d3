// The eComCharge transaction table's view of a transaction; the UI reaches eComCharge only through lib/reports.
export { formatMinor, type EcomchargeTransaction } from '@/lib/ecomcharge';
