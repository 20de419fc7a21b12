// Package xlsx is crm's own xlsx engine: the parts of reading and writing a
// workbook where excelize is too slow. It knows nothing of Appendix J.
//
// Writing: a RowWriter writes a sheet's rows as worksheet XML and compresses
// them in parallel pieces; a Packer is the zip writer handed to excelize,
// which splices those rows into the sheets excelize writes and lays the
// package out in a fixed order, so the same workbook is the same bytes.
//
// Reading: Open reads a package's metadata (relationships, the workbook,
// the shared-strings location) with encoding/xml, so namespaces resolve
// whatever their prefix, and Rows reads sheet data with a byte scanner that
// returns what excelize's GetRows returns with RawCellValue.
//
// The package itself does not import excelize; its tests use excelize and
// encoding/xml as oracles.
package xlsx
