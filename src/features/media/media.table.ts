export interface MediaTable {
  id: string;
  file_name: string;
  content_type: string;
  width: number;
  height: number;
  byte_size: number;
  created_at: string;
}
