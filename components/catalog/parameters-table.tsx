import { Badge } from "@/components/ui/badge";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { paramDefault, paramRange } from "@/lib/catalog/compare";
import type { ParamDescriptor } from "@/lib/catalog/params";

const typeLabels: Record<ParamDescriptor["type"], string> = {
  string: "string",
  integer: "integer",
  number: "number",
  boolean: "boolean",
  enum: "enum",
  image_urls: "array of image URLs",
};

export function ParametersTable({ parameters }: { parameters: ParamDescriptor[] }) {
  return (
    <Table label="Parameters" stacked>
      <TableHead>
        <TableRow>
          <TableHeaderCell>Name</TableHeaderCell>
          <TableHeaderCell>Type</TableHeaderCell>
          <TableHeaderCell>Range</TableHeaderCell>
          <TableHeaderCell>Default</TableHeaderCell>
          <TableHeaderCell>Description</TableHeaderCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {parameters.map((p) => {
          const fallback = paramDefault(p);
          return (
            <TableRow key={p.name}>
              <TableHeaderCell scope="row" className="py-3">
                <code className="font-mono text-[13px] font-semibold text-foreground">{p.name}</code>
                {p.required && (
                  <Badge tone="accent" className="ml-2">
                    required
                  </Badge>
                )}
              </TableHeaderCell>
              <TableCell label="Type" className="whitespace-nowrap text-muted-foreground">{typeLabels[p.type]}</TableCell>
              <TableCell label="Range" className="min-w-32 text-muted-foreground">{paramRange(p)}</TableCell>
              <TableCell label="Default">
                {fallback === null ? (
                  <span className="text-muted-foreground">
                    <span aria-hidden>–</span>
                    <span className="sr-only">none</span>
                  </span>
                ) : (
                  <code className="font-mono text-[13px]">{fallback}</code>
                )}
              </TableCell>
              <TableCell label="Description" className="min-w-64">
                <p className="font-medium">{p.label}</p>
                <p className="text-muted-foreground">{p.description}</p>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
