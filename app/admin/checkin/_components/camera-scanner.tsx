'use client';
// Camera scanning with the browser's BarcodeDetector, where there is one: a preview, one code handed over at a
// time (the same code is ignored for a few seconds), and the camera stopped on "Stop", when the page is hidden
// and when leaving the page. Elsewhere the scanner field and the search do the job.
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorCtor = new (options?: { formats?: string[] }) => BarcodeDetectorLike;

const subscribe = () => () => {};
const supported = () =>
  typeof window !== 'undefined' && 'BarcodeDetector' in window && !!navigator.mediaDevices?.getUserMedia;
const notOnServer = () => false;

const REPEAT_MS = 3000;

export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const canScan = useSyncExternalStore(subscribe, supported, notOnServer);
  const [active, setActive] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const streamRef = useRef<MediaStream | null>(null);
  const timerRef = useRef<number | null>(null);
  const lastRef = useRef<{ code: string; at: number } | null>(null);

  const stop = useCallback(() => {
    if (timerRef.current !== null) window.clearInterval(timerRef.current);
    timerRef.current = null;
    streamRef.current?.getTracks().forEach((t) => t.stop());
    streamRef.current = null;
    if (videoRef.current) videoRef.current.srcObject = null;
    setActive(false);
  }, []);

  const start = useCallback(async () => {
    setProblem(null);
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      streamRef.current = stream;
      setActive(true);
      const video = videoRef.current!;
      video.srcObject = stream;
      await video.play();
      const Detector = (window as unknown as { BarcodeDetector: BarcodeDetectorCtor }).BarcodeDetector;
      const detector = new Detector({ formats: ['qr_code'] });
      let busy = false;
      const scan = async () => {
        if (busy || video.readyState < 2) return;
        busy = true;
        try {
          const [code] = await detector.detect(video);
          const now = Date.now();
          const last = lastRef.current;
          if (code?.rawValue && !(last && last.code === code.rawValue && now - last.at < REPEAT_MS)) {
            lastRef.current = { code: code.rawValue, at: now };
            onCode(code.rawValue);
          }
        } catch {
          // A frame the detector could not read; the next one will do.
        } finally {
          busy = false;
        }
      };
      // scan() handles its own errors, so the interval may drop its promise.
      timerRef.current = window.setInterval(() => void scan(), 250);
    } catch {
      stop();
      setProblem('The camera could not be started. Allow camera access, or use the scanner field or the search.');
    }
  }, [onCode, stop]);

  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') stop();
    };
    document.addEventListener('visibilitychange', onHidden);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      stop();
    };
  }, [stop]);

  if (!canScan) {
    return (
      <p className="text-muted">
        Camera scanning is not available in this browser: use a barcode scanner, type the code, or search by name.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <button
        type="button"
        className="btn btn-secondary min-h-14 w-full text-lg"
        onClick={active ? stop : start}
        aria-pressed={active}
      >
        {active ? 'Stop camera' : 'Scan with camera'}
      </button>
      {problem ? (
        <p className="font-medium text-[#b42318]" role="alert">
          {problem}
        </p>
      ) : null}
      <video
        ref={videoRef}
        muted
        playsInline
        aria-label="Camera preview"
        className={active ? 'w-full rounded-lg bg-black' : 'hidden'}
      />
    </div>
  );
}
