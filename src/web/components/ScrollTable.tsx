import { Table, TableBody, TableCaption, TableCell, TableHeader, TableHeaderCell, TableRow } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/**
 * A small table whose first column names the row. It scrolls sideways on a phone, so it is a named
 * region that takes keyboard focus; the caption is for screen readers (the heading above shows it).
 */
export function ScrollTable({
  id,
  caption,
  columns,
  rows,
  cellClassName,
}: {
  id: string;
  caption: string;
  columns: string[];
  /** cells per row; the first is the row's header */
  rows: ReactNode[][];
  cellClassName?: (column: number) => string | undefined;
}) {
  return (
    <div className="rondom-table-wrap" role="region" aria-labelledby={`${id}-caption`} tabIndex={0}>
      <Table className="rondom-table">
        <TableCaption id={`${id}-caption`} className="rondom-visually-hidden">
          {caption}
        </TableCaption>
        <TableHeader>
          <TableRow>
            {columns.map((c) => (
              <TableHeaderCell key={c} scope="col">
                {c}
              </TableHeaderCell>
            ))}
          </TableRow>
        </TableHeader>
        <TableBody>
          {rows.map(([head, ...cells], i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: lines have no id; the list is replaced as a whole
            <TableRow key={i}>
              <TableHeaderCell scope="row" className={cellClassName?.(0)}>
                {head}
              </TableHeaderCell>
              {cells.map((cell, c) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: columns are fixed
                <TableCell key={c} className={cellClassName?.(c + 1)}>
                  {cell}
                </TableCell>
              ))}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
