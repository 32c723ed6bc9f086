"use client";

import { ImagePlus, X } from "lucide-react";
import { useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { MAX_REFERENCE_IMAGES } from "@/lib/playground/contract";
import { isImageUrl } from "./image-scale";

/** The shared reference images: upload, paste (handled by the workspace) or a URL; thumbnails with remove. */
export function ReferenceImages({
  images,
  usedBy,
  paneCount,
  error,
  onAddFiles,
  onAddUrl,
  onRemove,
}: {
  images: string[];
  usedBy: number;
  paneCount: number;
  error: string | null;
  onAddFiles: (files: File[]) => void;
  onAddUrl: (url: string) => void;
  onRemove: (index: number) => void;
}) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [url, setUrl] = useState("");
  const [urlError, setUrlError] = useState<string | null>(null);
  const isFull = images.length >= MAX_REFERENCE_IMAGES;

  const addUrl = () => {
    if (!isImageUrl(url)) {
      setUrlError("Enter an http(s) link to an image.");
      return;
    }
    onAddUrl(url.trim());
    setUrl("");
    setUrlError(null);
  };

  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium">Reference images</legend>
      <p id="reference-images-help" className="text-xs text-muted-foreground">
        For image-to-image and edit models; paste an image anywhere on the page, upload one or give a link.
        {images.length > 0 && ` Used by ${usedBy} of ${paneCount} panes: text-to-image models ignore them.`}
      </p>
      {images.length > 0 && (
        <ul className="flex flex-wrap gap-2">
          {images.map((src, i) => (
            <li key={`${i}-${src.slice(-24)}`} className="relative">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={src} alt={`Reference image ${i + 1}`} className="size-16 rounded-md border object-cover" />
              <button
                type="button"
                onClick={() => onRemove(i)}
                className="absolute -top-2 -right-2 rounded-full border bg-card p-0.5 text-foreground shadow-xs hover:bg-muted"
              >
                <X aria-hidden className="size-3.5" />
                <span className="sr-only">Remove reference image {i + 1}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap gap-2">
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/webp"
          multiple
          className="sr-only"
          tabIndex={-1}
          aria-hidden
          onChange={(e) => {
            onAddFiles([...(e.target.files ?? [])]);
            e.target.value = "";
          }}
        />
        <Button variant="outline" size="sm" disabled={isFull} onClick={() => fileInput.current?.click()}>
          <ImagePlus aria-hidden />
          Upload image
        </Button>
      </div>
      <div className="flex gap-2">
        <label htmlFor="reference-image-url" className="sr-only">
          Image URL
        </label>
        <Input
          id="reference-image-url"
          type="url"
          placeholder="https://…/photo.jpg"
          value={url}
          disabled={isFull}
          aria-invalid={urlError ? true : undefined}
          aria-describedby={urlError ? "reference-image-url-error" : "reference-images-help"}
          onChange={(e) => setUrl(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === "Enter") {
              e.preventDefault();
              addUrl();
            }
          }}
          className="h-8"
        />
        <Button variant="outline" size="sm" disabled={isFull || url.trim() === ""} onClick={addUrl}>
          Add
        </Button>
      </div>
      {(urlError ?? error) && (
        <p id="reference-image-url-error" role="alert" className="text-xs font-medium text-danger">
          {urlError ?? error}
        </p>
      )}
      {isFull && <p className="text-xs text-muted-foreground">That is the most a run takes ({MAX_REFERENCE_IMAGES}).</p>}
    </fieldset>
  );
}
