// A ticket's QR code, drawn inline as SVG (no image request carries the ticket's secret), with alternative text.
// The markup comes from the qrcode package on the server: paths only, no scripts or links.
export function TicketQrCode({ svg, badgeName }: { svg: string; badgeName: string }) {
  return (
    <figure className="flex flex-col items-start gap-1">
      <div
        role="img"
        aria-label={`QR code of the ticket for ${badgeName}, to show at the entrance`}
        className="w-44 rounded-lg border border-line bg-white p-1 [&>svg]:block [&>svg]:h-auto [&>svg]:w-full"
        dangerouslySetInnerHTML={{ __html: svg }}
      />
      <figcaption className="max-w-xs text-sm text-muted">
        Show this code at the entrance, on your phone or printed. Codes from earlier emails work too, until the ticket
        is transferred.
      </figcaption>
    </figure>
  );
}
